import CaravanImport
import CaravanTestSupport
import Foundation
import Testing

@Suite("Files that are not what they should be")
struct BadFileTests {
    let directory = TemporaryDirectory()

    @Test("an empty file, and a header without rows")
    func empty() {
        #expect(failure(directory.write("empty.csv", "")) == "\(directory.path("empty.csv")): the file holds no rows: there is nothing to import")
        #expect(failure(directory.write("header.csv", "t,i,j,k,v,q\n"))?.contains("no rows") == true)
    }

    @Test("a header no importer reads")
    func unknownFormat() {
        let message = failure(directory.write("x.csv", "a,b,c\n1,2,3\n"))
        #expect(message?.contains("unknown format: the header 'a,b,c…' is none of comtrade, comtrade-legacy, baci, figures") == true)
    }

    @Test("binary garbage")
    func binary() {
        var bytes: [UInt8] = []
        var seed: UInt64 = 42
        for _ in 0..<10_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        #expect(failure(directory.write("garbage.bin", bytes: bytes))?.hasSuffix("unknown format: binary data, not text") == true)
    }

    @Test("a truncated gzip file")
    func truncatedGzip() throws {
        let rows = (0..<20_000).map { "2022,398,364,\(100_000 + $0),\($0),1" }.joined(separator: "\n")
        let path = try directory.writeGzip("BACI.csv.gz", "t,i,j,k,v,q\n" + rows)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = directory.write("cut.csv.gz", bytes: Array(bytes.prefix(bytes.count / 2)))
        #expect(failure(cut)?.hasSuffix("the gzip data ends early: the file is truncated") == true)
    }

    @Test("a file named .gz that is not gzip")
    func notGzip() {
        #expect(failure(directory.write("plain.csv.gz", "t,i,j,k,v,q\n"))?.hasSuffix("named .gz but not gzip data") == true)
    }

    @Test("JSON that ends early, and an API error response")
    func badJSON() {
        #expect(failure(directory.write("cut.json", "{\"count\":1,\"data\":[{\"typeCode\":\"C\","))?.contains("ends inside") == true)
        #expect(failure(directory.write("err.json", "{\"data\":null,\"error\":\"quota exceeded\"}"))?.hasSuffix("it says: quota exceeded") == true)
    }

    @Test("a format that does not match the header")
    func wrongFormat() {
        #expect(failure(directory.write("baci.csv", "t,i,j,k,v,q\n2022,398,364,100199,1,1\n"), format: .figures)?.contains("header lacks") == true)
    }

    @Test("text that is not UTF-8 is refused naming the line and field, in rows and in documents")
    func notUTF8() throws {
        let header = Array("reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n".utf8)
        let rows = Array("KAZ,IRN,export,TOTAL,2024,1,,,Customs,,,\nKAZ,IRN,export,TOTAL,2023,1,,,Cust".utf8) + [0xA6] + Array("oms,,,\n".utf8)
        let csv = directory.write("latin.csv", bytes: header + rows)
        #expect(failure(csv)?.hasPrefix("\(csv):3: source: not UTF-8 text") == true)
        // Overlong forms and surrogates are not characters either.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let path = directory.write("bad.csv", bytes: header + Array("KAZ,IRN,export,TOTAL,2024,1,,,".utf8) + bad + Array(",,,\n".utf8))
            #expect(failure(path)?.contains(":2: source: not UTF-8 text") == true, "\(bad)")
        }
        let yaml = directory.write("dossier.yaml", bytes: Array("partnership:\n  id: x\n  title: Caf".utf8) + [0xE9] + Array("\n".utf8))
        #expect {
            _ = try DossierReader(tables: tablesWithHS, elements: nil).read(path: yaml)
        } throws: { error in
            "\(error)" == "\(yaml):3: not UTF-8 text: byte 0xE9 does not start a character"
        }
        // NUL is not text either: PostgreSQL could not store it.
        // Past the first bytes, which decide a file is binary when they hold one.
        let filler = Array((0..<2_000).map { "KAZ,IRN,export,TOTAL,2023,1,,,Customs bulletin \($0),,,\n" }.joined().utf8)
        let nul = directory.write("nul.csv", bytes: header + filler + Array("KAZ,IRN,export,TOTAL,2024,1,,,Cus".utf8) + [0] + Array("toms,,,\n".utf8))
        #expect(failure(nul)?.hasPrefix("\(nul):2002: source: holds a NUL byte") == true, "\(failure(nul) ?? "")")
        let ok = directory.write("ok.csv", bytes: header + Array("KAZ,IRN,export,TOTAL,2024,1,,,Caf\u{E9} Стат 統計 𝕏,,,\n".utf8))
        #expect(failure(ok) == nil)
    }
}
