#!/usr/bin/env python3
"""Soak test: a million sentences through `entente code` and `entente ingest`.

Sentences are real text from ../shared/data (the State of the Union corpus, the train and
dev splits of UD English EWT and GUM, the synthetic wire texts), cycled and mutated (bytes
flipped into invalid UTF-8, runs of quotes and brackets, control characters, truncation,
words repeated, case changed), ten to a JSON Lines document. Each command's resident memory
is sampled every second: the report gives the count, the time, the peak and the memory at
each tenth of the run, which must stay flat.

    Scripts/soak.py [--sentences N] [--binary .build/release/entente] [--shared ../shared]

Nothing is written to the repository; the input and the store go to a temporary directory.
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
import time


def real_sentences(shared):
    data = os.path.join(shared, "data")
    sentences = []
    for path in sorted(glob.glob(os.path.join(data, "corpora", "state_union", "*.txt"))):
        with open(path, encoding="latin-1") as handle:
            for paragraph in handle.read().split("\n"):
                for piece in paragraph.split(". "):
                    piece = piece.strip()
                    if len(piece) > 20:
                        sentences.append(piece if piece.endswith(".") else piece + ".")
    # Train and dev splits only: the test splits judge the work and are not read.
    for name in ("en_ewt-ud-train", "en_ewt-ud-dev", "en_gum-news-train", "en_gum-news-dev",
                 "en_gum-open-train", "en_gum-open-dev"):
        path = os.path.join(data, "ud", name + ".conllu")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("# text = "):
                    sentences.append(line[9:].strip())
    for path in sorted(glob.glob(os.path.join(data, "events-synthetic", "part-*.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                sentences.append(json.loads(line)["text"])
    return sentences


def mutate(sentence, rng):
    """A sentence changed in one of the ways real input goes wrong, as UTF-8 bytes."""
    data = sentence.encode("utf-8")
    kind = rng.randrange(10)
    if kind == 0 and data:
        # Bytes flipped: invalid UTF-8 the reader must repair.
        data = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(128, 256)
        return bytes(data)
    if kind == 1:
        return data + rng.choice([b'"', b"(", b"[", b"\xe2\x80\x9c", b".)"]) * rng.randint(10, 400)
    if kind == 2:
        return data.replace(b" ", b"", rng.randint(1, 20))
    if kind == 3:
        return data[: rng.randrange(max(1, len(data)))]
    if kind == 4:
        words = data.split(b" ")
        return b" ".join(words + words[: rng.randint(1, len(words))] * rng.randint(2, 20))
    if kind == 5:
        return data.upper()
    if kind == 6:
        return data.replace(b" ", rng.choice([b"\t", b"\x00 ", b"\x0b", b" \xe2\x80\xa8 ", b"\n\n"]))
    if kind == 7:
        return bytes(reversed(data))
    return data


def write_input(path, count, sentences, rng, per_document=10):
    written = 0
    documents = 0
    with open(path, "wb") as out:
        while written < count:
            parts = []
            for _ in range(min(per_document, count - written)):
                sentence = sentences[written % len(sentences)]
                parts.append(mutate(sentence, rng) if rng.random() < 0.3 else sentence.encode("utf-8"))
                written += 1
            # The text is written raw between quotes, so that invalid UTF-8 stays invalid;
            # quotes, backslashes and control characters are escaped as JSON needs.
            text = b" ".join(parts)
            escaped = bytearray()
            for byte in text:
                if byte in (0x22, 0x5C):
                    escaped += b"\\" + bytes([byte])
                elif byte < 0x20:
                    escaped += b"\\u%04x" % byte
                else:
                    escaped.append(byte)
            date = "2024-%02d-%02d" % (1 + documents % 12, 1 + documents % 28)
            out.write(b'{"id": "soak-%d", "date": "%s", "text": "' % (documents, date.encode()))
            out.write(bytes(escaped) + b'"}\n')
            documents += 1
    return documents


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run(name, command):
    start = time.time()
    errors_path = tempfile.mktemp(prefix="entente-soak-stderr-")
    with open(errors_path, "wb") as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        samples = []
        while process.poll() is None:
            value = rss_kb(process.pid)
            if value:
                samples.append((time.time() - start, value))
            time.sleep(1)
    seconds = time.time() - start
    with open(errors_path, "rb") as handle:
        log = handle.read().decode("utf-8", "replace")
    os.remove(errors_path)
    peak = max((value for _, value in samples), default=0)
    tenths = [samples[min(len(samples) - 1, len(samples) * k // 10)][1] // 1024
              for k in range(1, 10)] if samples else []
    warnings = log.count("warning:")
    errors = log.count("error:")
    print("%s: exit %d in %.0f s; peak resident %d MB; at each tenth of the run (MB): %s"
          % (name, process.returncode, seconds, peak // 1024, tenths))
    print("%s: %d warnings, %d errors reported; last line: %s"
          % (name, warnings, errors, (log.strip().splitlines() or [""])[-1][:300]))
    return process.returncode, seconds, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--sentences", type=int, default=1_000_000)
    parser.add_argument("--binary", default=os.path.join(root, ".build", "release", "entente"))
    parser.add_argument("--shared", default=os.path.join(root, "..", "shared"))
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    if not os.path.isdir(os.path.join(arguments.shared, "data")):
        sys.exit("soak: %s/data is not there: give --shared DIR" % arguments.shared)
    rng = random.Random(arguments.seed)
    sentences = real_sentences(arguments.shared)
    rng.shuffle(sentences)
    directory = tempfile.mkdtemp(prefix="entente-soak-")
    path = os.path.join(directory, "soak.jsonl")
    documents = write_input(path, arguments.sentences, sentences, rng)
    print("soak: %d sentences (%d distinct real ones, 30%% mutated) in %d documents, %.0f MB"
          % (arguments.sentences, len(sentences), documents, os.path.getsize(path) / 1e6))
    code = run("code", [arguments.binary, "code", path, "--format", "jsonl", "--quiet"])
    ingest = run("ingest", [arguments.binary, "ingest", path, "--db",
                            os.path.join(directory, "soak.sqlite"), "--quiet"])
    subprocess.run(["rm", "-rf", directory])
    # Exit status 1 means records were rejected (reported), not a crash; a signal is a crash.
    crashed = [status for status, _, _ in (code, ingest) if status < 0 or status > 1]
    sys.exit(1 if crashed else 0)


if __name__ == "__main__":
    main()
