/**
 * The real-TCP driver of the shared transport, on Netty. Read it in this order:
 *
 * <ol>
 *   <li>{@link p2plab.common.transport.tcp.TcpTransport}: the event-loop group, the metrics and
 *       the clock that all nodes share; {@code await}/{@code advance} just wait in real time.</li>
 *   <li>{@link p2plab.common.transport.tcp.TcpNode}: one peer, pinned to one event loop, so its
 *       events run one at a time; listening, connecting, kill (reset) and close (goodbye).</li>
 *   <li>{@link p2plab.common.transport.tcp.PeerChannelInitializer}: the pipeline of one
 *       connection, codec first and logic last.</li>
 *   <li>{@link p2plab.common.transport.tcp.FrameDecoderAdapter} and
 *       {@link p2plab.common.transport.tcp.FrameBatch}: the overlay's pure codec inside
 *       Netty, where every message is counted; sent frames leave in one write per loop pass.</li>
 *   <li>{@link p2plab.common.transport.tcp.PeerHandlerAdapter}: Netty events become
 *       {@code onConnected}/{@code onMessage}/{@code onClosed}.</li>
 *   <li>{@link p2plab.common.transport.tcp.TcpLink}: a connection as the protocol sees it, and
 *       why it closed.</li>
 * </ol>
 *
 * Nothing here knows any overlay; nothing in an overlay knows this package.
 */
package p2plab.common.transport.tcp;
