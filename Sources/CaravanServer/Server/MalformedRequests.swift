import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Gives a request that is not valid HTTP the same JSON error body every other refusal has:
/// the HTTP layer answers such a request itself, with a bare 400 and no word of why. Headers past
/// the limit get 431, as RFC 6585 has it.
final class MalformedRequests: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The refusal for the parse error seen, waiting for the bare answer it replaces.
    private var refusal: (status: HTTPResponse.Status, body: ByteBuffer)?
    /// Whether the head just written was the bare answer, so its end carries the body.
    private var replacing = false

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError {
            let (status, code, message): (HTTPResponse.Status, String, String) =
                switch error {
                case .headerOverflow:
                    (.requestHeaderFieldsTooLarge, "headers_too_large", "the request's headers are over the limit of 80 KB")
                default: (.badRequest, "bad_request", "the request is not valid HTTP/1.1")
                }
            refusal = (status, ByteBuffer(string: #"{"error":{"code":"\#(code)","message":"\#(message)"}}"#))
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard let refusal else { return context.write(data, promise: promise) }
        switch unwrapOutboundIn(data) {
        // Only the layer's own answer, bare and closing; an answer to an earlier request in flight passes as it is.
        case .head(var head)
        where head.status == .badRequest && head.headerFields[.contentLength] == "0" && head.headerFields[.connection] == "close":
            head.status = refusal.status
            head.headerFields[.contentType] = "application/json; charset=utf-8"
            head.headerFields[.contentLength] = String(refusal.body.readableBytes)
            replacing = true
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers) where replacing:
            context.write(wrapOutboundOut(.body(refusal.body)), promise: nil)
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
            self.refusal = nil
            replacing = false
        default: context.write(data, promise: promise)
        }
    }
}
