import ArgumentParser
import CaravanCore
import CaravanImport
import CaravanService
import Foundation

extension TradeFlow: ExpressibleByArgument {}
extension SeriesGrain: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}

extension RecordedTime: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
