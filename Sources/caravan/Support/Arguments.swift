import ArgumentParser
import CaravanCore
import CaravanImport
import CaravanPresentation
import CaravanService
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}

extension RecordedTime: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
