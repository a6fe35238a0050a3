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
        case .head(var head) where head.status == .badRequest:
            head.status = refusal.status
            head.headerFields[.contentType] = "application/json; charset=utf-8"
            head.headerFields[.contentLength] = String(refusal.body.readableBytes)
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end(let trailers):
            context.write(wrapOutboundOut(.body(refusal.body)), promise: nil)
            context.write(wrapOutboundOut(.end(trailers)), promise: promise)
            self.refusal = nil
        default: context.write(data, promise: promise)
        }
    }
}
