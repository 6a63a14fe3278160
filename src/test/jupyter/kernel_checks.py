"""Drives the dotbar kernel with the real Jupyter client (Debian's python3-jupyter-client).

Run by dotbar.repl.jupyter.KernelClientTest with JUPYTER_DATA_DIR pointing at a folder where
`scripts/dotbar --install-kernel` wrote the kernelspec. Prints one JSON line per check:
{"check": NAME, "ok": true|false, "detail": TEXT}; the Java test turns each into a test.
Expected numbers are computed here with Python's math, not copied from dotbar.
"""
import base64
import json
import math
import os
import re
import signal
import sys
import time
import traceback
import uuid

import jupyter_client
import zmq
from jupyter_client.session import Session

KERNEL_LOG = sys.argv[1]
DEADLINE = 60  # seconds: generous, for a loaded machine

results = []


def check(fn):
    name = fn.__name__
    try:
        detail = fn() or ""
        results.append((name, True, detail))
        print(json.dumps({"check": name, "ok": True, "detail": detail}), flush=True)
    except Exception:
        detail = traceback.format_exc()
        results.append((name, False, detail))
        print(json.dumps({"check": name, "ok": False, "detail": detail}), flush=True)
    return fn


log = open(KERNEL_LOG, "w")
km = jupyter_client.KernelManager(kernel_name="dotbar")
km.start_kernel(stderr=log)
kc = km.blocking_client()
kc.start_channels()
kc.wait_for_ready(timeout=120)


def run(code, **kw):
    """Executes a cell; returns (reply content, [(msg_type, content)] of its iopub messages)."""
    msgs = []
    reply = kc.execute_interactive(code, timeout=DEADLINE, output_hook=msgs.append, **kw)
    return reply["content"], [(m["msg_type"], m["content"]) for m in msgs]


def result(code):
    reply, msgs = run(code)
    assert reply["status"] == "ok", (code, reply)
    data = [c["data"] for t, c in msgs if t == "execute_result"]
    assert len(data) == 1, (code, msgs)
    return data[0]


def iopub_until(pred, timeout=DEADLINE):
    """Iopub messages up to and including the first one for which pred holds."""
    seen = []
    end = time.time() + timeout
    while time.time() < end:
        try:
            m = kc.get_iopub_msg(timeout=1)
        except Exception:
            continue
        seen.append(m)
        if pred(m):
            return seen
    raise AssertionError("no such iopub message within %d s; saw %s" % (timeout, [m["msg_type"] for m in seen]))


def drain_until_idle(msg_id):
    return iopub_until(lambda m: m["parent_header"].get("msg_id") == msg_id
                       and m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")


@check
def kernel_info():
    kc.kernel_info()
    reply = kc.get_shell_msg(timeout=DEADLINE)["content"]
    info = reply["language_info"]
    assert info["name"] == "java", info
    assert info["file_extension"] == ".jsh", info
    assert info["pygments_lexer"] == "java", info
    assert reply["protocol_version"].startswith("5."), reply
    assert reply["implementation"] == "dotbar", reply
    return reply["banner"]


@check
def binds_only_to_the_connection_files_ip():
    info = km.get_connection_info()
    assert info["ip"] == "127.0.0.1", info
    ports = {info[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
    listening = {}
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in open(table).read().splitlines()[1:]:
            fields = line.split()
            address, port = fields[1].split(":")
            if fields[3] == "0A" and int(port, 16) in ports:  # 0A: LISTEN
                listening.setdefault(int(port, 16), []).append(address)
    assert set(listening) == ports, (listening, ports)
    # 127.0.0.1 only (in tcp6 as the IPv4-mapped ::ffff:127.0.0.1), never 0.0.0.0 or ::
    loopback = {"0100007F", "0000000000000000FFFF00000100007F"}
    for port, addresses in listening.items():
        assert len(addresses) == 1 and addresses[0] in loopback, (port, addresses)
    return str(listening)


@check
def expression_as_latex_and_text():
    data = result('var e = parse("a*b + sin(c)^2")')
    assert data["text/plain"] == "e = a·b + sin(c)²", data
    latex = data["text/latex"]
    assert latex.startswith("$e = ") and latex.endswith("$"), latex
    assert "\\sin" in latex and "\\cdot" in latex, latex
    alone = result("e")
    assert alone["text/latex"].startswith("$") and "\\sin" in alone["text/latex"], alone
    rule = result("adam()")
    assert rule["text/plain"].startswith("adam"), rule
    # the update equations (13)-(15), (19), (22) as aligned math, one row per equation
    assert rule["text/latex"].count("\\leftarrow") == 5 and "\\hat{v}" in rule["text/latex"], rule["text/latex"]
    value = result('e.eval(at("a=1.3, b=-0.7, c=0.4"))')
    assert abs(float(value["text/plain"]) - (1.3 * -0.7 + math.sin(0.4) ** 2)) < 1e-12, value
    return latex


@check
def grad_and_point_as_html_tables():
    data = result('grad(e, at("a=1.3, b=-0.7, c=0.4"))')
    html = data["text/html"]
    assert "<table" in html and html.count("<tr>") == 4, html  # header + a, b, c
    # ∂/∂c of sin(c)^2 = 2 sin(c) cos(c) = sin(2c)
    assert "%.6g" % math.sin(0.8) in html, html
    assert "∂/∂a" in data["text/plain"], data
    point = result('at("a=1.3, b=-0.7")')
    assert point["text/html"].count("<tr>") == 3 and "1.3" in point["text/html"], point
    return html[:300]


@check
def trace_check_hessian_as_html():
    run('def("w1(a,b,c) = a*b + c"); def("φ1(w) = sigmoid(w)");')
    trace = result('forward(parse("φ1(w1(a,b,c))"), at("a=0.5, b=-1.2, c=0.3"), "a")')
    assert "<table" in trace["text/html"] and "tangent" in trace["text/html"], trace
    w1 = 0.5 * -1.2 + 0.3
    s = 1 / (1 + math.exp(-w1))
    assert "%.6g" % s in trace["text/html"], (s, trace["text/html"])
    # d/da sigmoid(a*b + c) = s (1 - s) b
    assert "%.6g" % (s * (1 - s) * -1.2) in trace["text/html"], trace["text/html"]
    chk = result('check("d/dx sin(x)^2 = 2*sin(x)*cos(x)")')
    assert "<table" in chk["text/html"] and "✓" in chk["text/html"], chk
    hess = result('hessian(parse("x^2*y + y^3"), at("x=1, y=2"))')
    # ∂²/∂x² = 2y = 4, ∂²/∂x∂y = 2x = 2, ∂²/∂y² = 6y = 12
    html = hess["text/html"]
    assert html.count("<tr>") == 3 and ">4<" in html and ">2<" in html and ">12<" in html, html
    return chk["text/plain"]


@check
def optimizer_status_and_history_as_html():
    data = result('var opt = gd(parse("(x - 3)^2"), at("x=0")).lr(0.1).step(20)')
    html = data["text/html"]
    assert html.count("<table") == 2 and "history" in html, html
    # gradient descent on (x-3)^2 with η = 0.1: x_t = 3 - 3·0.8^t
    assert "%.6g" % (3 - 3 * 0.8 ** 20) in html, html
    return data["text/plain"]


@check
def plot_as_svg_png_and_terminal_picture():
    path = os.path.join(os.path.dirname(KERNEL_LOG), "saved.svg")
    reply, _ = run('Expr rosen = parse("(1-x)^2 + 100*(y-x^2)^2"); var race = adam(rosen, at("x=-1.5, y=2")).lr(0.05).step(300); '
                   'var p = contour(rosen, "x", -2, 2, "y", -1, 3).path(race); p.save("%s");' % path)
    assert reply["status"] == "ok", reply
    data = result("p")
    svg = data["image/svg+xml"]
    saved = open(path, encoding="utf-8").read()
    # the file starts with its XML declaration, which notebooks refuse inline (nbconvert --to html fails on it)
    assert saved.startswith('<?xml version="1.0" encoding="UTF-8"?>\n') and svg.startswith("<svg"), svg[:80]
    saved = saved[saved.index("\n") + 1:]

    def without_defs_prefix(text):
        # JFreeSVG prefixes the ids of each picture's definitions with a number of its own, so that two
        # pictures on one page do not share ids; apart from that the two must be the same
        prefix = re.search(r"id='(_\d+)clip", text).group(1)
        return text.replace(prefix, "_ID")
    assert without_defs_prefix(svg) == without_defs_prefix(saved), "the inline SVG is the one save() writes"
    png = base64.b64decode(data["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n", png[:8]
    assert any(0x2800 <= ord(ch) <= 0x28FF for ch in data["text/plain"]), "the terminal picture is braille"
    return "svg %d bytes, png %d bytes" % (len(svg), len(png))


@check
def display_mid_cell_and_streams_in_order():
    reply, msgs = run('System.out.println("before"); display(parse("x^2")); System.err.println("warn"); '
                      'System.out.println("after"); 42')
    assert reply["status"] == "ok", reply
    kinds = [(t, c.get("name", "")) for t, c in msgs if t in ("stream", "display_data", "execute_result")]
    texts = "".join(c["text"] for t, c in msgs if t == "stream" and c["name"] == "stdout")
    assert texts == "before\nafter\n", texts
    assert kinds.index(("display_data", "")) > kinds.index(("stream", "stdout")), kinds
    assert ("stream", "stderr") in kinds, kinds
    assert kinds[-1] == ("execute_result", ""), kinds
    shown = [c["data"] for t, c in msgs if t == "display_data"][0]
    assert shown["text/plain"] == "x²" and "x^{2}" in shown["text/latex"], shown
    return str(kinds)


@check
def output_streams_while_the_cell_runs():
    flag = os.path.join(os.path.dirname(KERNEL_LOG), "go-on")
    msg_id = kc.execute('System.out.println("first"); while (!Files.exists(Path.of("%s"))) Thread.sleep(10); '
                        'System.out.println("second");' % flag)
    seen = iopub_until(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream")
    assert seen[-1]["content"]["text"] == "first\n", seen[-1]
    # the cell is still waiting for the flag: what it printed came before its end
    open(flag, "w").close()
    rest = drain_until_idle(msg_id)
    assert [m["content"]["text"] for m in rest if m["msg_type"] == "stream"] == ["second\n"], rest
    assert kc.get_shell_msg(timeout=DEADLINE)["content"]["status"] == "ok"


@check
def standard_input_asks_the_client():
    asked = []

    def answer(msg):
        asked.append(msg["content"])
        kc.input("θ = 0.25" if len(asked) == 1 else "second line")
    code = ('var in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8)); '
            'String first = in.readLine(); String second = in.readLine(); first + " | " + second')
    reply = kc.execute_interactive(code, timeout=DEADLINE, allow_stdin=True, stdin_hook=answer, output_hook=lambda m: None)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert len(asked) == 2, asked
    assert result("first + \" | \" + second")["text/plain"] == "θ = 0.25 | second line"
    # a cell waiting for input stops on an interrupt, and the session goes on
    def interrupt_instead(msg):
        asked.append(msg["content"])
        km.interrupt_kernel()
    reply = kc.execute_interactive("String never = in.readLine();", timeout=DEADLINE, allow_stdin=True,
                                   stdin_hook=interrupt_instead, output_hook=lambda m: None)
    assert reply["content"]["status"] == "error", reply["content"]
    assert reply["content"]["ename"] in ("InterruptedIOException", "Interrupted"), reply["content"]
    assert len(asked) == 3, asked
    # without allow_stdin a read ends at once
    reply, msgs = run("System.in.read()", allow_stdin=False)
    assert [c["data"]["text/plain"] for t, c in msgs if t == "execute_result"] == ["-1"], msgs


@check
def errors_are_error_replies():
    reply, msgs = run('parse("a +* b")')
    assert reply["status"] == "error", reply
    assert reply["ename"] == "ParseException", reply
    assert "column" in reply["evalue"], reply
    assert [t for t, c in msgs].count("error") == 1, msgs
    reply, _ = run("undefinedThing + 1")
    assert reply["status"] == "error" and reply["ename"] == "CompileError", reply
    assert "cannot find symbol" in reply["evalue"], reply
    reply, _ = run('int[] a = new int[1]; a[3] = 1;')
    assert reply["ename"] == "ArrayIndexOutOfBoundsException", reply
    assert any("at " in line for line in reply["traceback"]), reply["traceback"]
    return reply["evalue"]


@check
def silent_and_store_history():
    before = result("1 + 1")  # execution counts are in the reply
    reply, msgs = run("3 * 3", silent=True)
    assert reply["status"] == "ok" and not [t for t, c in msgs if t == "execute_result"], msgs
    reply, _ = run("int notCounted = 1;", store_history=False)
    counted, _ = run("int counted = 2;")
    first, _ = run("1")
    assert first["execution_count"] == counted["execution_count"] + 1, (first, counted)
    kc.history(hist_access_type="tail", n=3)
    hist = kc.get_shell_msg(timeout=DEADLINE)["content"]["history"]
    inputs = [h[2] for h in hist]
    assert inputs == ["1 + 1", "int counted = 2;", "1"], inputs
    return str(hist)


@check
def complete_and_inspect():
    reply = kc.complete("gra", 3, reply=True, timeout=DEADLINE)["content"]
    assert "grad(" in reply["matches"], reply
    assert reply["cursor_start"] == 0 and reply["cursor_end"] == 3, reply
    code = "var θ = \\alpha"
    reply = kc.complete(code, len(code), reply=True, timeout=DEADLINE)["content"]
    assert reply["matches"] == ["α"], reply
    assert reply["cursor_start"] == len("var θ = "), reply  # code points, not UTF-16 units
    code = 'parse("si'
    reply = kc.complete(code, len(code), reply=True, timeout=DEADLINE)["content"]
    assert "sin(" in reply["matches"], reply
    reply = kc.complete("opt.ste", 7, reply=True, timeout=DEADLINE)["content"]
    assert any(m.startswith("step(") for m in reply["matches"]), reply
    reply = kc.inspect("grad(", 5, reply=True, timeout=DEADLINE)["content"]
    assert reply["found"] and "grad(" in reply["data"]["text/plain"], reply
    reply = kc.inspect("hessian", 3, reply=True, timeout=DEADLINE)["content"]
    assert reply["found"] and "Hessian" in reply["data"]["text/plain"], reply
    return reply["data"]["text/plain"][:300]


@check
def is_complete():
    kc.is_complete("for (int i = 0; i < 3; i++) {")
    reply = kc.get_shell_msg(timeout=DEADLINE)["content"]
    assert reply["status"] == "incomplete", reply
    kc.is_complete("1 + 1")
    reply = kc.get_shell_msg(timeout=DEADLINE)["content"]
    assert reply["status"] == "complete", reply


@check
def interrupt_a_runaway_cell_within_2_s():
    run("int kept = 5; long spins = 0;")
    msg_id = kc.execute("while (true) { spins++; }")
    # the cell is running once it publishes its input, and its loop has spun once spins > 0 … which we
    # cannot read while it runs; its input is the observable start
    iopub_until(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "execute_input")
    start = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=DEADLINE)
    took = time.time() - start
    assert reply["parent_header"]["msg_id"] == msg_id, reply
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted", reply["content"]
    drain_until_idle(msg_id)
    assert took < 2, "stopped %.2f s after the interrupt" % took
    assert result("kept + 1")["text/plain"] == "6"
    return "stopped %.3f s after the interrupt" % took


@check
def sigint_stops_a_long_step_with_a_progress_display():
    run('var slow = adam(parse("(1-x)^2 + 100*(y-x^2)^2"), at("x=-1, y=1"));')
    msg_id = kc.execute("slow.step(1_000_000_000)")
    seen = iopub_until(lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "update_display_data")
    first = [m for m in seen if m["msg_type"] == "display_data"][0]["content"]
    display_id = first["transient"]["display_id"]
    assert "steps" in first["data"]["text/plain"] and "<progress" in first["data"]["text/html"], first
    start = time.time()
    km.signal_kernel(signal.SIGINT)
    reply = kc.get_shell_msg(timeout=DEADLINE)
    took = time.time() - start
    assert reply["content"]["status"] == "error", reply["content"]
    assert "interrupted after" in reply["content"]["evalue"], reply["content"]
    rest = drain_until_idle(msg_id)
    updates = [m["content"] for m in rest if m["msg_type"] == "update_display_data"]
    assert updates and updates[-1]["transient"]["display_id"] == display_id, updates
    assert "of 1000000000 steps" in updates[-1]["data"]["text/plain"], updates[-1]
    assert took < 2, "stopped %.2f s after SIGINT" % took
    t = int(result("slow.t()")["text/plain"])
    assert t > 0, t
    return "stopped %.3f s after SIGINT at t = %d; %s" % (took, t, updates[-1]["data"]["text/plain"])


@check
def huge_and_binary_output():
    reply, msgs = run('for (int i = 0; i < 1_000_000; i++) System.out.println("x".repeat(99));')
    assert reply["status"] == "ok", reply
    shown = sum(len(c["text"]) for t, c in msgs if t == "stream" and c["name"] == "stdout")
    notes = [c["text"] for t, c in msgs if t == "stream" and c["name"] == "stderr"]
    assert shown <= 1_000_000, shown
    assert notes and "99000000 more characters" in notes[-1], notes
    reply, msgs = run('System.out.write(new byte[] {(byte) 0xff, 0, 65, (byte) 0xce}); System.out.write(new byte[] {(byte) 0xb8, 10}); System.out.flush();')
    text = "".join(c["text"] for t, c in msgs if t == "stream")
    assert text == "\ufffd\x00Aθ\n", repr(text)
    assert result("1 + 2")["text/plain"] == "3"
    return "%d characters shown of 100 000 000; %s" % (shown, notes[-1].strip())


def raw_request(socket, session, msg_type):
    msg = session.msg(msg_type, content={})
    session.send(socket, msg)
    return msg["header"]["msg_id"]


@check
def badly_signed_and_unsigned_messages_are_dropped():
    info = km.get_connection_info()
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect("tcp://%s:%d" % (info["ip"], info["shell_port"]))
    wrong = Session(key=b"not-the-key", signature_scheme="hmac-sha256")
    unsigned = Session(key=b"")
    right = Session(key=info["key"], signature_scheme="hmac-sha256")
    bad_ids = [raw_request(socket, wrong, "kernel_info_request"), raw_request(socket, unsigned, "kernel_info_request")]
    good_id = raw_request(socket, right, "kernel_info_request")
    # the kernel reads its shell channel in order: the first reply must answer the well-signed request
    assert socket.poll(DEADLINE * 1000), "no reply at all"
    _, reply = right.feed_identities(socket.recv_multipart())
    reply = right.deserialize(reply)
    assert reply["parent_header"]["msg_id"] == good_id, (reply["parent_header"], bad_ids)
    socket.close()
    log.flush()
    logged = open(KERNEL_LOG).read()
    assert logged.count("dropped a message with a wrong signature on the shell channel") == 1, logged
    assert logged.count("dropped an unsigned message on the shell channel") == 1, logged
    return [line for line in logged.splitlines() if "dropped" in line]


@check
def restart_starts_a_fresh_session():
    old_pid = km.provisioner.process.pid
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=120)
    assert km.provisioner.process.pid != old_pid
    reply, _ = run("kept")
    assert reply["status"] == "error" and reply["ename"] == "CompileError", reply
    assert result("1 + 1")["text/plain"] == "2"


try:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    assert not km.is_alive()
    print(json.dumps({"check": "shutdown_request_ends_the_kernel", "ok": True, "detail": ""}), flush=True)
except Exception:
    print(json.dumps({"check": "shutdown_request_ends_the_kernel", "ok": False, "detail": traceback.format_exc()}), flush=True)
