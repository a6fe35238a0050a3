/// One line of a CSV file split into its fields, RFC 4180 quoting honoured.
public enum CSVLine {
    public static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var previousWasQuote = false
        for character in line {
            switch (character, inQuotes) {
            case ("\"", true):
                inQuotes = false
                previousWasQuote = true
                continue
            case ("\"", false):
                // A quote right after a closing one is a doubled quote, which stands for one.
                if previousWasQuote { field.append("\"") }
                inQuotes = true
            case (",", false):
                fields.append(field)
                field = ""
            default:
                field.append(character)
            }
            previousWasQuote = false
        }
        fields.append(field)
        return fields
    }
}
