extension Unicode.Scalar {
    /// A control that turns text around or joins without showing (bidi overrides, zero-width joiners):
    /// read as a space, so a hostile override cannot glue or reorder words.
    var isInvisibleControl: Bool {
        switch value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0x061C: return true
        default: return false
        }
    }

    /// A letter, told for ASCII without the Unicode tables: most of an article's scalars are ASCII,
    /// and the table lookup was a quarter of the reading's time.
    var isLetter: Bool {
        value < 0x80 ? (0x61...0x7A).contains(value | 0x20) : properties.isAlphabetic
    }

    /// A space, tab or line break, told for ASCII without the Unicode tables.
    var isSpace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }

    /// The digit's value for ASCII, Persian and Arabic-Indic digits alike.
    var digitValue: Int? {
        switch value {
        case 0x30...0x39: return Int(value - 0x30)
        case 0x6F0...0x6F9: return Int(value - 0x6F0)
        case 0x660...0x669: return Int(value - 0x660)
        default: return nil
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The text between two offsets, as written.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: self[range])
        return String(view)
    }
}
