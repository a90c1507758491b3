# A libtorrent peer on 127.0.0.1 whose only way to find others is the DHT (no tracker, LSD,
# UPnP or uTP), for the trackerless interop tests and the magnet benchmark.
#   libtorrent_dht_swarm.py seed FILE.torrent DATA_DIR BOOTSTRAP_HOST:PORT
#       seeds; prints "announced PORT" once its DHT announce got a reply, then runs until stdin closes
#   libtorrent_dht_swarm.py get MAGNET OUT_DIR BOOTSTRAP_HOST:PORT SECONDS
#       fetches the magnet link; prints "added MS" (its DHT knows a node and the magnet is added),
#       "metadata MS", "first_piece MS" (the first piece passed its hash check), "peer HOST:PORT"
#       (each peer that sent a block), then "done MS"
#       (or "timeout ..."): milliseconds since the session was created
# Settings (docs/bittorrent.md, trackerless interop): libtorrent's DHT must be told that nodes and
# peers sharing 127.0.0.1 are fine, and its listen socket bound to 127.0.0.1 explicitly.
import libtorrent as lt, socket, sys, time

mode, what, folder, boot = sys.argv[1:5]


def free_port():
    # libtorrent's DHT node listens on the peer port; we pick it so we can print it.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
        u.bind(('127.0.0.1', 0))
        return u.getsockname()[1]


port = free_port()
t0 = time.monotonic()
s = lt.session({
    'listen_interfaces': '127.0.0.1:%d' % port, 'outgoing_interfaces': '127.0.0.1',
    'enable_dht': True, 'dht_bootstrap_nodes': boot,
    'dht_restrict_routing_ips': False, 'dht_restrict_search_ips': False, 'dht_block_ratelimit': 100000,
    'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False, 'enable_ip_notifier': False,
    'enable_outgoing_utp': False, 'enable_incoming_utp': False, 'allow_multiple_connections_per_ip': True,
    'alert_mask': lt.alert.category_t.all_categories})


def wait_for_dht_bootstrap(seconds):
    # A torrent added before the DHT has started is not announced until the next interval (15 min).
    # Not "until dht_nodes > 0": libtorrent keeps its bootstrap ("router") nodes out of its routing
    # table, so in a DHT of one node of ours plus libtorrent that count stays 0; lookups still start
    # from the router nodes.
    deadline = time.time() + seconds
    while time.time() < deadline:
        s.wait_for_alert(100)
        if any(isinstance(a, lt.dht_bootstrap_alert) for a in s.pop_alerts()):
            return


def start(p):
    p.flags &= ~lt.torrent_flags.paused
    p.flags &= ~lt.torrent_flags.auto_managed
    h = s.add_torrent(p)
    h.force_dht_announce()
    return h


wait_for_dht_bootstrap(10)
if mode == 'seed':
    p = lt.add_torrent_params()
    p.ti = lt.torrent_info(what)
    p.save_path = folder
    h = start(p)
    announced = False
    deadline = time.time() + 30
    while not announced and time.time() < deadline:
        s.wait_for_alert(200)
        for a in s.pop_alerts():
            if isinstance(a, lt.dht_reply_alert):
                announced = True
            elif isinstance(a, lt.torrent_error_alert):
                print('error', a.message(), flush=True)
    print('announced' if announced else 'not-announced', port, flush=True)
    for line in sys.stdin:
        if line.strip() == 'quit':
            break
else:
    seconds = float(sys.argv[5])
    p = lt.parse_magnet_uri(what)
    p.save_path = folder
    ms = lambda: int((time.monotonic() - t0) * 1000)
    h = start(p)
    print('added', ms(), flush=True)
    first = False
    peers = set()
    done = False
    while not done and time.monotonic() - t0 < seconds:
        s.wait_for_alert(100)
        for a in s.pop_alerts():
            if isinstance(a, lt.metadata_received_alert):
                print('metadata', ms(), flush=True)
            elif isinstance(a, lt.piece_finished_alert) and not first:
                first = True
                print('first_piece', ms(), flush=True)
            elif isinstance(a, lt.block_finished_alert):
                ep = '%s:%d' % (a.endpoint[0], a.endpoint[1])
                if ep not in peers:
                    peers.add(ep)
                    print('peer', ep, flush=True)
            elif isinstance(a, lt.torrent_finished_alert):
                done = True
                print('done', ms(), flush=True)
    if not done:
        st = h.status()
        print('timeout', st.state, st.progress, st.num_peers, s.status().dht_nodes, flush=True)
