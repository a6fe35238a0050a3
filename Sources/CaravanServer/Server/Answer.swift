import CaravanPresentation
import CaravanService
import Hummingbird

/// A response as parts: what a handler answers, and what the cache keeps to answer again.
struct Answer: Sendable {
    var status: HTTPResponse.Status = .ok
    var headers: HTTPFields
    var body: ByteBuffer

    var response: Response { Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body)) }

    /// The JSON the CLI writes.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Answer {
        Answer(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: ByteBuffer(string: try JSONOutput.string(value)))
    }

    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Answer {
        Answer(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ByteBuffer(string: page.rendered))
    }
}
