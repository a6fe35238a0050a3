/// Thrown inside an import's transaction to roll it back when its content is already stored: a
/// file is known by its digest only once every row has been read.
package enum AlreadyImported: Error {
    case batch(ImportBatch, report: any Sendable)
}
