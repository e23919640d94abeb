#!/usr/bin/env python3
"""Reads what scripts/bench measured (its results directory) and prints one table, with
"OVER BUDGET: ..." lines for every budget that is missed. Standard library only.

    report.py RESULTS_DIR [--starts S] [--markdown FILE]

Frame logs (--frame-log) have one line per frame: frame, ms since App construction, the
app's own CPU ms for the frame, SDL events handled. In a replay, frames without input are
built but not rasterised, so frame times are taken from the frames with input: the time
from the end of the previous frame to the end of this one (a rendered frame's duration).
"""
import argparse
import json
import re
import os
import statistics
import sys

# Excalidraw, from the issue "Fast on a school's whiteboard" (same kind of machine).
EXCALIDRAW = {
    "first": "1.0–1.4 s first (empty) scene",
    "full_map": "2.4–2.9 s full map",
    "pss500": "600+ MB PSS",
    "drag500": "50–67 ms median",
    "png4k": "0.3–0.5 s",
    "drag50": "33 ms median",
    "pss50": "500 MB PSS",
}

BUDGET = {
    "frame_ms": 2.0,       # app CPU per frame, 500 post-its, 10 moving fingers
    "gestures_ms": 0.2,    # gesture routing of 10 moves, 500 post-its + 1,000 links
    "draw_ms": 2.0,        # draw_board at 500
    "first_ms": 300.0,     # start to first presented frame
    "heap_mb": 40.0,       # the app's own heap at 500
    "file_ms": 20.0,       # save or load at 500
    "stall_ms": 2.0,       # autosave or encode work on the UI thread
}


def read(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def kv(path):
    out = {}
    for line in (read(path, "") or "").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            out[k.strip()] = v.strip()
    return out


def gbench(path):
    """name -> {cpu_ms, real_ms, counters} from the medians of a Google Benchmark JSON."""
    text = read(path)
    if not text:
        return {}
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
    out = {}
    for b in json.loads(text).get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name") or b["name"]
        k = scale[b.get("time_unit", "ns")]
        out[name] = {"cpu_ms": b["cpu_time"] * k, "real_ms": b["real_time"] * k, "b": b}
    return out


def frames(path):
    rows = []
    for line in (read(path, "") or "").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split()
        # The app's work: the UI thread's CPU time (6th column) where the log has it, else
        # the wall clock between the two readings (3rd).
        work = float(f[5]) if len(f) >= 6 else float(f[2])
        rows.append((int(f[0]), float(f[1]), work, int(f[3])))
    return rows


def photo_log(path):
    """The app's frame log of a photo run: frames with the photo running (5th column),
    and the '# photo WxH: rendered in R ms, handed over in H ms' line."""
    out = {"during": [], "render": None, "handover": None, "strips": None, "longest_strip": None, "prepare": None}
    for line in (read(path, "") or "").splitlines():
        if line.startswith("# photo"):
            m = re.search(r"rendered in ([0-9.]+) ms, handed over in ([0-9.]+) ms", line)
            if m:
                out["render"], out["handover"] = float(m.group(1)), float(m.group(2))
            m = re.search(r"([0-9]+) strips, longest ([0-9.]+) ms, prepared in ([0-9.]+) ms", line)
            if m:
                out["strips"], out["longest_strip"], out["prepare"] = int(m.group(1)), float(m.group(2)), float(m.group(3))
            continue
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split()
        if len(f) >= 5 and f[4] == "1":
            out["during"].append((float(f[5]) if len(f) >= 6 else float(f[2]), int(f[3])))
    return out


def probe(path):
    out = {}
    for line in (read(path, "") or "").splitlines():
        key, _, val = line.partition(" ")
        if key == "renderer":
            out.setdefault("renderer", val)
        elif val.strip().isdigit():
            out.setdefault(key, []).append(int(val))
    return out


def max_rss_kb(path):
    for line in (read(path, "") or "").splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return None


def drag_stats(rows):
    """Frame times of the frames with input, split into down / move / up frames.

    The replay (nk_bench_gen) puts one quiet frame between frames with input while the
    fingers are down, and half a second of quiet frames after they lift: frames with
    input no more than two frames apart belong to one drag (first: down, last: up)."""
    input_idx = [i for i, r in enumerate(rows) if r[3] >= 10]
    if not input_idx:
        return None
    groups = [[input_idx[0]]]
    for i in input_idx[1:]:
        if rows[i][0] - rows[groups[-1][-1]][0] <= 2:
            groups[-1].append(i)
        else:
            groups.append([i])
    kinds = {}
    for grp in groups:
        for j, i in enumerate(grp):
            kinds[i] = "down" if j == 0 else "up" if j == len(grp) - 1 else "move"
    dur = {i: rows[i][1] - rows[i - 1][1] for i in kinds if i > 0}
    move = [dur[i] for i in dur if kinds[i] == "move"]
    allf = list(dur.values())
    cpu_move = [rows[i][2] for i in kinds if kinds[i] == "move"]
    ups = [i for i in kinds if kinds[i] == "up"]
    # While the autosave thread writes: the replay's `wait 500` after each drop (32 quiet
    # frames; built, not drawn).
    after = []
    for u in ups:
        after += [rows[k][2] for k in range(u + 1, min(len(rows), u + 33)) if rows[k][3] < 10]
    return {
        "n": len(allf),
        "median": statistics.median(move) if move else None,
        "worst": max(allf) if allf else None,
        "cpu_move": statistics.median(cpu_move) if cpu_move else None,
        "cpu_move_max": max(cpu_move) if cpu_move else None,
        "drop_cpu": max(rows[u][2] for u in ups) if ups else None,
        "drop_frame": max(dur[u] for u in ups if u in dur) if ups else None,
        "after_cpu": max(after) if after else None,
    }


def fmt(v, unit="", digits=None):
    if v is None:
        return "n/a"
    if digits is None:
        digits = 3 if abs(v) < 1 else 2 if abs(v) < 10 else 1 if abs(v) < 100 else 0
    return f"{v:.{digits}f}{unit}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--starts", type=int, default=3)
    ap.add_argument("--markdown")
    a = ap.parse_args()
    d = a.dir
    P = lambda name: os.path.join(d, name)

    m = kv(P("machine.txt"))
    fb = gbench(P("frame_bench.json"))
    fl = gbench(P("file_bench.json"))
    heap = json.loads(read(P("heap500.json"), "{}") or "{}")
    heap5k = json.loads(read(P("heap5000.json"), "{}") or "{}")

    renderer = None
    for name in sorted(os.listdir(d)):
        if name.endswith(".probe"):
            renderer = renderer or probe(P(name)).get("renderer")
    renderer = renderer or "unknown (no frame was presented)"

    def g(table, name, key="cpu_ms"):
        e = table.get(name)
        return e[key] if e else None

    def counter(table, name, c):
        e = table.get(name)
        return e["b"].get(c) if e else None

    rows = []  # (section, label, cells..., budget)
    over = []

    def row(label, cells, budget=""):
        rows.append((label, cells, budget))

    # ---- Google Benchmark: the app's own work ----
    sizes = [50, 500, 5000]
    for fingers, label in [(0, "App CPU per frame, board at rest"), (10, "App CPU per frame, 10 fingers dragging")]:
        cells = []
        for n in sizes:
            name = f"BM_Frame/notes:{n}/fingers:{fingers}"
            v = g(fb, name)
            vx = counter(fb, name, "vertices")
            # 0 new vertices: the resting board came from its texture and nothing moved.
            cells.append(f"{fmt(v, ' ms')} ({f'{int(vx / 1000)}k vtx' if vx else 'no new vertices'})")
        row(label, cells, "≤ 2 ms at 500" if fingers else "")
    cells = []
    for n in sizes:
        name = f"BM_FrameFullRedraw/notes:{n}/fingers:10"
        vx = counter(fb, name, "vertices")
        cells.append(f"{fmt(g(fb, name), ' ms')} ({int(vx / 1000) if vx else '?'}k vtx)")
    row("  the same, whole board redrawn (as when the board changed: a drop, an undo, a zoom step)", cells)
    v = g(fb, "BM_Frame/notes:500/fingers:10")
    if v is not None and v > BUDGET["frame_ms"]:
        over.append(f"app CPU per frame at 500 post-its with 10 moving fingers: {fmt(v, ' ms')} (budget ≤ 2 ms)")

    row("  gesture routing alone (10 moves + tick)",
        ["", fmt(g(fb, "BM_Gestures10/notes:500"), " ms"), fmt(g(fb, "BM_Gestures10/notes:5000"), " ms")],
        "< 0.2 ms at 500")
    v = g(fb, "BM_Gestures10/notes:500")
    if v is not None and v >= BUDGET["gestures_ms"]:
        over.append(f"gesture routing of 10 moves at 500 post-its: {fmt(v, ' ms')} (budget < 0.2 ms)")
    row("  a finger landing while 9 are held",
        ["", fmt(g(fb, "BM_FingerDownWhileHolding/notes:500"), " ms"),
         fmt(g(fb, "BM_FingerDownWhileHolding/notes:5000"), " ms")])
    row("  draw_board alone (draw list)", [fmt(g(fb, f"BM_DrawBoard/notes:{n}"), " ms") for n in sizes], "< 2 ms at 500")
    v = g(fb, "BM_DrawBoard/notes:500")
    if v is not None and v >= BUDGET["draw_ms"]:
        over.append(f"draw_board at 500 post-its: {fmt(v, ' ms')} (budget < 2 ms)")
    row("Drop frame: 10 fingers lift (10 undo steps, autosave hand-overs)",
        [fmt(g(fb, f"BM_DropFrame/notes:{n}/manual_time", "real_ms"), " ms") for n in sizes], "≤ 2 ms stall")
    v = g(fb, "BM_DropFrame/notes:500/manual_time", "real_ms")
    if v is not None and v > BUDGET["stall_ms"]:
        over.append(f"the frame in which 10 fingers lift at 500 post-its: {fmt(v, ' ms')} of UI-thread CPU "
                    "(10 × Session::dispatch, each serializing the board for the autosave; budget ≤ 2 ms stall)")
    row("  one Session::dispatch (reduce + undo step + serialize for autosave)",
        [fmt(g(fl, f"BM_Dispatch/notes:{n}"), " ms") for n in sizes], "≤ 2 ms stall")
    v = g(fl, "BM_Dispatch/notes:500")
    if v is not None and v > BUDGET["stall_ms"]:
        over.append(f"autosave hand-over on the UI thread at 500 post-its: {fmt(v, ' ms')} per action (budget ≤ 2 ms)")
    row("  of which serialize_board", [fmt(g(fl, f"BM_Serialize/notes:{n}"), " ms") for n in sizes])
    row("Save (serialize + atomic write, fsync)", [fmt(g(fl, f"BM_Save/notes:{n}"), " ms") for n in sizes] ,
        "≤ 20 ms at 500")
    row("Load (read + parse_board)", [fmt(g(fl, f"BM_Load/notes:{n}"), " ms") for n in sizes], "≤ 20 ms at 500")
    sizes_b = [counter(fl, f"BM_Serialize/notes:{n}", "bytes") for n in sizes]
    row("  board file size", [fmt(b / 1024, " KB", 0) if b else "n/a" for b in sizes_b])
    row("Report, HTML + Markdown (notes, answers, actions, a version; map image inlined)",
        [fmt(g(fl, "BM_Report/notes:50"), " ms"), "", ""])
    for label, name in [("save", "BM_Save/notes:500"), ("load", "BM_Load/notes:500")]:
        v = g(fl, name)
        rv = g(fl, name, "real_ms")
        if v is not None and max(v, rv or 0) > BUDGET["file_ms"]:
            over.append(f"{label} at 500 post-its: {fmt(v, ' ms')} CPU, {fmt(rv, ' ms')} wall (budget ≤ 20 ms)")
    if heap:
        row("App's own peak heap (no GL; fonts, board, full undo history (≤ 200 steps, ≤ 10 MB), 300 frames)",
            ["", fmt(heap.get("peak_mb"), " MB"), fmt(heap5k.get("peak_mb"), " MB") if heap5k else "n/a"], "≤ 40 MB at 500")
        row("  font atlas pixels until the upload frees them (peak then)",
            ["", f"{fmt(heap.get('atlas_pixels_mb'), ' MB')} ({fmt(heap.get('peak_with_atlas_mb'), ' MB')})", ""])
        row("  peak while taking a snapshot, 3840×2160 / 4961×3508",
            ["", f"{fmt(heap.get('peak_snapshot_4k_mb'), '')} / {fmt(heap.get('peak_snapshot_a3_mb'), ' MB')}", ""])
        if heap.get("peak_mb", 0) > BUDGET["heap_mb"]:
            over.append(f"the app's own heap at 500 post-its: {fmt(heap['peak_mb'], ' MB')} (budget ≤ 40 MB)")
        for key, what in [("peak_snapshot_4k_mb", "a 3840×2160 snapshot"), ("peak_snapshot_a3_mb", "an A3 snapshot")]:
            if heap.get(key, 0) > BUDGET["heap_mb"]:
                over.append(f"the app's own heap while taking {what} at 500 post-its: {fmt(heap[key], ' MB')} "
                            "(transient; budget ≤ 40 MB)")
    enc = {s: g(fl, f"BM_EncodePng/w:{s[0]}/h:{s[1]}/iterations:2") for s in [(3840, 2160), (4961, 3508)]}
    real_png = {s: counter(fl, f"BM_EncodePng/w:{s[0]}/h:{s[1]}/iterations:2", "real_snapshot") for s in enc}
    # The app encodes on a worker thread (core/files/photo_job.hpp); what the UI thread feels of it
    # is measured on the real binary below ("photo from the app").
    row("encode_png of a snapshot, 3840×2160 / 4961×3508 (on the photo thread)" +
        ("" if all(real_png.values()) else " (synthetic)"),
        ["", f"{fmt(enc[(3840, 2160)], '')} / {fmt(enc[(4961, 3508)], ' ms')}", ""], "off the UI thread")

    # ---- the real binary ----
    e2e = []  # (label, 1080p, 4K, excalidraw)
    def drag(name):
        return drag_stats(frames(P(f"{name}.frames"))) if os.path.exists(P(f"{name}.frames")) else None
    d1, d4, d50 = drag("drag500-1920x1080"), drag("drag500-3840x2160"), drag("drag50-1920x1080")
    dd = lambda s, k, u=" ms": fmt(s.get(k), u) if s else "n/a"
    e2e.append(("500 post-its, 10 fingers: median frame time (fps)",
                f"{dd(d1, 'median')} ({fmt(1000 / d1['median'], ' fps', 1) if d1 and d1['median'] else 'n/a'})",
                f"{dd(d4, 'median')} ({fmt(1000 / d4['median'], ' fps', 1) if d4 and d4['median'] else 'n/a'})",
                EXCALIDRAW["drag500"]))
    e2e.append(("  worst frame time", dd(d1, "worst"), dd(d4, "worst"), ""))
    e2e.append(("  median app work per frame (10 moves; toolbar incl.; UI thread CPU)", dd(d1, "cpu_move"), dd(d4, "cpu_move"), ""))
    e2e.append(("  drop frame (10 lift; the resting board redrawn): app work / frame time",
                f"{dd(d1, 'drop_cpu')} / {dd(d1, 'drop_frame')}", f"{dd(d4, 'drop_cpu')} / {dd(d4, 'drop_frame')}", ""))
    e2e.append(("  longest app work in the 32 frames after a drop (autosave writing)",
                dd(d1, "after_cpu"), dd(d4, "after_cpu"), ""))
    for s, label in [(d1, "1920×1080"), (d4, "3840×2160")]:
        if s and s.get("cpu_move") and s["cpu_move"] > BUDGET["frame_ms"]:
            over.append(f"real binary, {label}, 500 post-its, 10 moving fingers: median app work per frame "
                        f"{fmt(s['cpu_move'], ' ms')} (UI thread CPU; budget ≤ 2 ms)")
    for s, label in [(d1, "1920×1080"), (d4, "3840×2160")]:
        if s and s.get("drop_cpu") and s["drop_cpu"] > BUDGET["stall_ms"]:
            over.append(f"real binary, {label}: the frame in which 10 fingers lift took {fmt(s['drop_cpu'], ' ms')} "
                        "of UI thread CPU (10 undo steps, autosave hand-overs, the resting board's draw list; budget ≤ 2 ms stall)")
    rss = {k: max_rss_kb(P(f"drag500-{k}.time")) for k in ["1920x1080", "3840x2160"]}
    pss = {k: (read(P(f"drag500-{k}.pss"), "") or "").strip() for k in ["1920x1080", "3840x2160"]}
    mbk = lambda kb: fmt(int(kb) / 1024, " MB", 0) if kb and str(kb).isdigit() and int(kb) > 0 else "n/a"
    e2e.append(("  peak RSS (kernel) / peak PSS (sampled 5×/s)",
                f"{mbk(rss['1920x1080'])} / {mbk(pss['1920x1080'])}", f"{mbk(rss['3840x2160'])} / {mbk(pss['3840x2160'])}",
                EXCALIDRAW["pss500"]))
    rss50 = max_rss_kb(P("drag50-1920x1080.time"))
    pss50 = (read(P("drag50-1920x1080.pss"), "") or "").strip()
    e2e.append(("50 post-its, 10 fingers: median frame time; RSS / PSS",
                f"{dd(d50, 'median')}; {mbk(rss50)} / {mbk(pss50)}", "",
                f"{EXCALIDRAW['drag50']}; {EXCALIDRAW['pss50']}"))

    # start-up
    from_exec, from_app, loader = [], [], []
    for i in range(1, a.starts + 1):
        pr = probe(P(f"start{i}.probe"))
        t0 = (read(P(f"start{i}.t0"), "") or "").strip()
        fr = frames(P(f"start{i}.frames"))
        if t0.isdigit() and pr.get("first_swap"):
            from_exec.append((pr["first_swap"][0] - int(t0)) / 1e6)
        if t0.isdigit() and pr.get("start"):
            loader.append((pr["start"][0] - int(t0)) / 1e6)
        if fr:
            from_app.append(fr[0][1])
    med = lambda xs: statistics.median(xs) if xs else None
    e2e.append(("Start with the 500 board to first presented frame: from exec / from App()",
                f"{fmt(med(from_exec), ' ms')} / {fmt(med(from_app), ' ms')}", "", EXCALIDRAW["first"]))
    full_map = []
    for i in range(1, a.starts + 1):
        pr = probe(P(f"start{i}.probe"))
        t0 = (read(P(f"start{i}.t0"), "") or "").strip()
        if t0.isdigit() and pr.get("second_swap"):
            full_map.append((pr["second_swap"][0] - int(t0)) / 1e6)
    if full_map:
        e2e.append(("  the full map on screen (second frame), from exec", fmt(med(full_map), " ms"), "",
                    EXCALIDRAW["full_map"]))
    # Where start-up goes (bench/probe.c marks).
    steps = [("loader", None, "start"), ("SDL + window + GL context", "start", "gl_context"),
             ("fonts, upload, board file, autosave", "gl_context", "first_poll"),
             ("first frame (bars, paper, rings, school): app work + GL submission (shaders compiled)", "first_poll", "swap_begin"),
             ("first frame rasterised + shown", "swap_begin", "first_swap"),
             ("second frame: the 500 post-its and lines drawn and shown", "first_swap", "second_swap")]
    for label, a0, a1 in steps:
        xs = []
        for i in range(1, a.starts + 1):
            pr = probe(P(f"start{i}.probe"))
            t0 = (read(P(f"start{i}.t0"), "") or "").strip()
            t_a = int(t0) if a0 is None and t0.isdigit() else (pr.get(a0) or [None])[0]
            t_b = (pr.get(a1) or [None])[0]
            if t_a is not None and t_b is not None:
                xs.append((t_b - t_a) / 1e6)
        if xs:
            e2e.append((f"  {label}", fmt(med(xs), " ms"), "", ""))
    idle = kv(P("idle.txt"))
    if idle.get("ticks") and idle.get("hz"):
        pct = 100.0 * float(idle["ticks"]) / float(idle["hz"]) / float(idle["seconds"])
        e2e.append(("Idle, 500 board on screen, nobody touching: CPU of the app process (all threads)",
                    f"{pct:.2f} % of one core", "", ""))
        if pct > 1.0:
            over.append(f"the idle app uses {pct:.2f} % of a core (budget: next to nothing, ≤ 1 %)")
    v = med(from_exec)
    if v is not None and v > BUDGET["first_ms"]:
        over.append(f"start to first presented frame (500 post-its, 1920×1080): {fmt(v, ' ms')} from exec, "
                    f"{fmt(med(from_app), ' ms')} from App construction (budget ≤ 300 ms)")

    # snapshots: the --snapshot command, split by the probe's marks
    snap = {}
    for size in ["3840x2160", "4961x3508"]:
        pr = probe(P(f"snap{size}.probe"))
        t0 = (read(P(f"snap{size}.t0"), "") or "").strip()
        if not (t0.isdigit() and pr.get("exit")):
            continue
        t0 = int(t0)
        c = {"total": (pr["exit"][-1] - t0) / 1e6}
        if pr.get("finish_begin") and pr.get("finish_end") and pr.get("readback_end"):
            # The photo is rendered in strips: one glFinish + glReadPixels per strip.
            fb, fe, rb = pr["finish_begin"], pr["finish_end"], pr["readback_end"]
            q = (pr.get("sdl_quit") or [pr["exit"][-1]])[-1]
            raster = sum(e - b for b, e in zip(fb, fe)) / 1e6
            readback = sum(r - e for e, r in zip(fe, rb)) / 1e6
            c.update(startup=(fb[0] - t0) / 1e6, raster=raster, readback=readback, strips=len(fb),
                     between=(rb[-1] - fb[0]) / 1e6 - raster - readback,
                     rest=(q - rb[-1]) / 1e6, quit=(pr["exit"][-1] - q) / 1e6)
        w, h = size.split("x")
        c["encode"] = enc.get((int(w), int(h)))
        snap[size] = c
    snap_rows = []
    for key, label, ex in [("total", "whole --snapshot command", EXCALIDRAW["png4k"]),
                           ("startup", "  start, GL context, fonts at photo scale, the picture, first strip submitted", ""),
                           ("raster", "  rasterise the strips (glFinish, summed)", ""),
                           ("readback", "  read the strips back (glReadPixels, summed)", ""),
                           ("between", "  between strips (submitting the next; waiting for the encoder)", ""),
                           ("rest", "  after the last strip: encode's tail, the board chunk, write (fsync), GL teardown", ""),
                           ("encode", "  encoding alone, strip by strip (bench, same image; overlaps the strips)", ""),
                           ("quit", "  SDL_Quit and exit", "")]:
        snap_rows.append((label, fmt(snap.get("3840x2160", {}).get(key), " ms"),
                          fmt(snap.get("4961x3508", {}).get(key), " ms"), ex))
    # The photo from the app (phase 5's button): GL work on the UI thread in one frame, then
    # encoding and writing on a worker while the frames go on.
    ph = {size: photo_log(P(f"photo{size}.frames")) for size in ["4k", "a3"]}
    # Frames with input (the finger dragging) while the photo runs: what people feel. The
    # frame right after the tap on phase 4 builds that phase's panels (no input of its own)
    # and is not the encoder's doing.
    with_input = lambda p: [w for w, ev in p["during"] if ev > 0]
    longest = lambda p: max(with_input(p), default=None)
    during = lambda p: f"{fmt(longest(p), ' ms')} ({len(with_input(p))} of {len(p['during'])} frames)"
    strips = lambda p: (f"{fmt(p['prepare'], ' ms')} + {p['strips']} × ≤ {fmt(p['longest_strip'], ' ms')}"
                        if p["strips"] else "n/a")
    snap_rows += [
        ("photo from the app (phase 5): GL work on the UI thread, all strips together",
         fmt(ph["4k"]["render"], " ms"), fmt(ph["a3"]["render"], " ms"), ""),
        ("  prepare (fonts at photo scale, the picture) + strips of 64 rows, one per frame",
         strips(ph["4k"]), strips(ph["a3"]), ""),
        ("  handing a strip to the encoding thread (UI thread, longest, wall clock)", fmt(ph["4k"]["handover"], " ms"),
         fmt(ph["a3"]["handover"], " ms"), ""),
        ("  longest UI frame's app work (thread CPU) while it encodes, frames with a finger moving", during(ph["4k"]), during(ph["a3"]), "")]
    for size, name in [("4k", "3840×2160"), ("a3", "A3")]:
        lw = longest(ph[size])
        if lw is not None and lw > BUDGET["stall_ms"]:
            over.append(f"the longest UI frame while a {name} photo was encoded took {fmt(lw, ' ms')} of app work "
                        f"(UI thread CPU; budget ≤ 2 ms stall)")

    # ---- software GL ----
    glb = json.loads(read(P("gl_bench.json"), "{}") or "{}")
    gl_rows = []
    base = None
    # Compared by the fastest round: on a shared machine the minimum is the least disturbed.
    for r in glb.get("runs", []):
        if r["name"] == "board" and r["notes"] == 500 and r["w"] == 1920:
            base = r.get("gl_min_ms")
    for r in glb.get("runs", []):
        label = f"{r['name']}, {r['notes']} post-its, {r['w']}×{r['h']}"
        delta = ""
        if base and r["w"] == 1920 and r["notes"] == 500 and r["name"] != "board":
            delta = f"{r['gl_min_ms'] - base:+.0f} ms"
        gl_rows.append((label, f"{r['vertices'] / 1000:.0f}k",
                        f"{fmt(r['gl_ms'], ' ms')} (min {fmt(r.get('gl_min_ms'), ' ms')})", delta))

    # ---- print ----
    head = [
        f"Netwerkkaart benchmark — commit {m.get('commit', '?')}, {m.get('date', '')}",
        f"CPU: {m.get('cpu', '?')} ({m.get('cores', '?')} cores); load average {m.get('load', '?')} at start, "
        f"{m.get('load_end', '?')} at end (a shared machine: medians quoted)",
        f"Renderer: {renderer} (Mesa {m.get('mesa', '?')}), real binary under Xvfb",
    ]
    lines = head + [""]
    w0 = max(len(r[0]) for r in rows) + 2
    cw = [max(len(r[1][i]) if i < len(r[1]) else 0 for r in rows) + 2 for i in range(3)]
    hdr = "Google Benchmark (CPU time, median of repetitions)".ljust(w0) + "".join(
        s.ljust(cw[i]) for i, s in enumerate(["50 post-its", "500", "5,000"])) + "budget"
    lines += [hdr, "-" * len(hdr)]
    for label, cells, budget in rows:
        cells = list(cells) + [""] * (3 - len(cells))
        lines.append(label.ljust(w0) + "".join(c.ljust(cw[i]) for i, c in enumerate(cells)) + budget)
    lines.append("")
    e0 = max(len(r[0]) for r in e2e) + 2
    e1 = max(len(r[1]) for r in e2e) + 2
    e2 = max(max(len(r[2]) for r in e2e), 9) + 2
    hdr = "Real binary, Xvfb + software GL".ljust(e0) + "1920×1080".ljust(e1) + "3840×2160".ljust(e2) + "Excalidraw (issue)"
    lines += [hdr, "-" * len(hdr)]
    for label, c1, c2, ex in e2e:
        lines.append(label.ljust(e0) + c1.ljust(e1) + c2.ljust(e2) + ex)
    lines.append("")
    s0 = max(len(r[0]) for r in snap_rows) + 2
    hdr = "Snapshot of the 500 board (real binary)".ljust(s0) + "3840×2160".ljust(12) + "4961×3508 (A3)".ljust(16) + \
        "Excalidraw (issue)"
    lines += [hdr, "-" * len(hdr)]
    for label, c1, c2, ex in snap_rows:
        lines.append(label.ljust(s0) + c1.ljust(12) + c2.ljust(16) + ex)
    lines.append("")
    if gl_rows:
        g0 = max(len(r[0]) for r in gl_rows) + 2
        g0 = max(g0, 40)
        hdr = "Software GL, 1 frame (nk_gl_bench, median)".ljust(g0) + "vertices  " + \
            "GL time".ljust(22) + "min vs the 500 board"
        lines += [hdr, "-" * len(hdr)]
        for label, v, t, dlt in gl_rows:
            lines.append(label.ljust(g0) + v.ljust(10) + t.ljust(22) + dlt)
        lines.append("")
    lines += [f"OVER BUDGET: {o}" for o in over] or ["All budgets met."]
    lines.append(f"(scripts/bench took {m.get('elapsed', '?')} s; raw results in {d})")
    print("\n".join(lines))

    if a.markdown:
        md = [f"**Commit** `{m.get('commit', '?')}` · {m.get('date', '')} · **CPU** {m.get('cpu', '?')} "
              f"({m.get('cores', '?')} cores, load {m.get('load', '?')} → {m.get('load_end', '?')}) · "
              f"**Renderer** {renderer} (Mesa {m.get('mesa', '?')}, Xvfb)", "",
              "| Google Benchmark (CPU time, median) | 50 post-its | 500 | 5,000 | budget |",
              "|---|---|---|---|---|"]
        for label, cells, budget in rows:
            cells = list(cells) + [""] * (3 - len(cells))
            md.append(f"| {label.strip()} | " + " | ".join(cells) + f" | {budget} |")
        md += ["", "| Real binary (Xvfb, software GL) | 1920×1080 | 3840×2160 | Excalidraw (issue) |",
               "|---|---|---|---|"]
        for label, c1, c2, ex in e2e:
            md.append(f"| {label.strip()} | {c1} | {c2} | {ex} |")
        md += ["", "| Snapshot of the 500 board (real binary) | 3840×2160 | 4961×3508 (A3) | Excalidraw (issue) |",
               "|---|---|---|---|"]
        md += [f"| {l.strip()} | {c1} | {c2} | {ex} |" for l, c1, c2, ex in snap_rows]
        md.append("")
        if gl_rows:
            md += ["| Software GL, 1 frame (nk_gl_bench, median) | vertices | GL time | min vs the 500 board |",
                   "|---|---|---|---|"]
            md += [f"| {l} | {v} | {t} | {dlt} |" for l, v, t, dlt in gl_rows]
            md.append("")
        md += [f"- OVER BUDGET: {o}" for o in over] or ["All budgets met."]
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(md) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
