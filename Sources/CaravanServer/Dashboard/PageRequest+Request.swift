import CaravanPresentation
import Foundation
import Hummingbird

extension PageRequest {
    /// What a browser asked: the path and query, in the language of `?lang=` or else its `Accept-Language`.
    init(_ request: Request) {
        let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
        let language = Language.negotiate(
            query: query.last { $0.name == "lang" }?.value, acceptLanguage: request.headers[.acceptLanguage])
        self.init(path: request.uri.path, query: query, language: language)
    }
}
