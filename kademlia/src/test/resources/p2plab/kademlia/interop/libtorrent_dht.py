# A libtorrent DHT node on 127.0.0.1, driven line by line on stdin by LibtorrentDhtTest.
#   usage: libtorrent_dht.py LISTEN_PORT BOOTSTRAP_HOST:PORT
#   commands (one a line)        answers (one a line)
#   table                        table <dht_nodes> <port> <port> ...   (ports of the nodes in its routing table)
#   announce <40 hex>            announced done|no-reply                (announces its listen port)
#   get_peers <40 hex>           peers <host:port> ...                 (after its lookup ends; none: "peers")
#   quit
# Settings follow docs/kademlia.md (interop): loopback only, and no one-node-per-IP limits,
# since every node of ours shares 127.0.0.1.
import libtorrent as lt, sys, time

port = int(sys.argv[1])
boot = sys.argv[2]
s = lt.session({
    'listen_interfaces': '127.0.0.1:%d' % port, 'outgoing_interfaces': '127.0.0.1',
    'enable_dht': True, 'dht_bootstrap_nodes': boot,
    'dht_restrict_routing_ips': False, 'dht_restrict_search_ips': False,
    'dht_block_ratelimit': 100000,
    'enable_lsd': False, 'enable_upnp': False, 'enable_natpmp': False, 'enable_ip_notifier': False,
    'enable_outgoing_utp': False, 'enable_incoming_utp': False,
    'alert_mask': 0x7fffffff})


def wait_for(kind, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        s.wait_for_alert(200)
        for a in s.pop_alerts():
            if isinstance(a, kind):
                return a
    return None


def node_id():
    state = s.dht_state()
    if not state:
        return None
    nid = state.get(b'node-id') or state.get('node-id')
    if isinstance(nid, list):
        nid = nid[0]
    return nid


print('ready', flush=True)
for line in sys.stdin:
    words = line.split()
    if not words:
        continue
    if words[0] == 'table':
        ports = []
        nid = node_id()
        if nid:
            s.dht_live_nodes(lt.sha1_hash(nid) if isinstance(nid, bytes) else nid)
            a = wait_for(lt.dht_live_nodes_alert, 5)
            if a is not None:
                for n in a.nodes:
                    ep = n['endpoint'] if isinstance(n, dict) else n[1]
                    ports.append(str(ep[1]))
        print('table', s.status().dht_nodes, ' '.join(ports), flush=True)
    elif words[0] == 'announce':
        # As a client does: a torrent known only by its info hash (a magnet link) is announced
        # on the DHT with the listen port. (The Python binding cannot build dht_announce's flags.)
        p = lt.add_torrent_params()
        p.info_hashes = lt.info_hash_t(lt.sha1_hash(bytes.fromhex(words[1])))
        p.save_path = '.'
        p.flags &= ~lt.torrent_flags.paused
        p.flags &= ~lt.torrent_flags.auto_managed
        h = s.add_torrent(p)
        h.force_dht_announce()
        a = wait_for(lt.dht_reply_alert, 20)
        print('announced', 'done' if a is not None else 'no-reply', flush=True)
    elif words[0] == 'get_peers':
        s.dht_get_peers(lt.sha1_hash(bytes.fromhex(words[1])))
        a = wait_for(lt.dht_get_peers_reply_alert, 20)
        peers = [] if a is None else ['%s:%d' % (p[0], p[1]) for p in a.peers()]
        print('peers', ' '.join(peers), flush=True)
    elif words[0] == 'quit':
        break
