// A client that goes away stops its solve: this server allows a half-closed connection (as HTTP/1
// servers do), so the end of a client's input is taken as its hanging up and the connection is closed,
// which completes the request's `closing` future and raises its solve's stop flag.

import NIOCore

final class HangUpHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { context.close(promise: nil) }
        context.fireUserInboundEventTriggered(event)
    }
}
