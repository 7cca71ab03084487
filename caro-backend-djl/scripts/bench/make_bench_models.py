#!/usr/bin/python3
"""Writes two random-weight models of the same llama shape for the backend benchmark:

    OUT/bench.gguf   for the llama.cpp backend (float32, SentencePiece-style vocabulary)
    OUT/djl/         for the DJL backend (TorchScript float32 with a key/value cache, byte-level
                     tokenizer.json padded to the same vocabulary size, caro-model.properties)

Same dimensions, vocabulary size, precision and attention layout (RMSNorm, rotary positions,
SwiGLU feed-forward, KV cache), so that load time, tokens/s and memory compare runtimes rather
than models. The weights are noise: the output is gibberish by design.

    /usr/bin/python3 make_bench_models.py OUT [--dim 512 --layers 8 --heads 8 --ff 1536 --vocab 32000]
"""
import argparse
import json
import math
import os
import struct

import numpy as np
import torch
from torch import nn

SPECIAL = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
CHATML = ("{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
          " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}")


# ---------------------------------------------------------------- TorchScript model

class RmsNorm(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5) * self.weight


class Block(nn.Module):
    def __init__(self, dim, heads, ff):
        super().__init__()
        self.heads = heads
        self.head_dim = dim // heads
        self.dim = dim
        self.scale = 1.0 / math.sqrt(dim // heads)
        self.attn_norm = RmsNorm(dim)
        self.q = nn.Linear(dim, dim, bias=False)
        self.k = nn.Linear(dim, dim, bias=False)
        self.v = nn.Linear(dim, dim, bias=False)
        self.o = nn.Linear(dim, dim, bias=False)
        self.ffn_norm = RmsNorm(dim)
        self.gate = nn.Linear(dim, ff, bias=False)
        self.up = nn.Linear(dim, ff, bias=False)
        self.down = nn.Linear(ff, dim, bias=False)

    def rope(self, x, cos, sin):
        half = self.head_dim // 2
        x1, x2 = x[..., :half], x[..., half:]
        return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], dim=-1)

    def forward(self, x, past_k, past_v, cos, sin, mask):
        b, t, _ = x.shape
        h = self.attn_norm(x)
        q = self.rope(self.q(h).view(b, t, self.heads, self.head_dim).transpose(1, 2), cos, sin)
        k = self.rope(self.k(h).view(b, t, self.heads, self.head_dim).transpose(1, 2), cos, sin)
        v = self.v(h).view(b, t, self.heads, self.head_dim).transpose(1, 2)
        k = torch.cat([past_k, k], dim=2)
        v = torch.cat([past_v, v], dim=2)
        att = (q @ k.transpose(2, 3)) * self.scale
        att = att.masked_fill(mask, float("-inf")).softmax(dim=-1)
        x = x + self.o((att @ v).transpose(1, 2).reshape(b, t, self.dim))
        h = self.ffn_norm(x)
        return x + self.down(torch.nn.functional.silu(self.gate(h)) * self.up(h)), k, v


class LlamaShaped(nn.Module):
    def __init__(self, vocab, dim, layers, heads, ff):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.blocks = nn.ModuleList([Block(dim, heads, ff) for _ in range(layers)])
        self.norm = RmsNorm(dim)
        self.head = nn.Linear(dim, vocab, bias=False)
        half = dim // heads // 2
        self.register_buffer("inv_freq", 1.0 / (10000.0 ** (torch.arange(0, half, dtype=torch.float32) / half)))

    def forward(self, input_ids, past):
        t = input_ids.size(1)
        s = past.size(4)
        pos = torch.arange(s, s + t, dtype=torch.float32).unsqueeze(1) * self.inv_freq.unsqueeze(0)
        cos, sin = torch.cos(pos), torch.sin(pos)
        mask = (torch.arange(0, s + t).unsqueeze(0) > torch.arange(s, s + t).unsqueeze(1)).unsqueeze(0).unsqueeze(0)
        x = self.embed(input_ids)
        presents = []
        for i, block in enumerate(self.blocks):
            x, k, v = block(x, past[i, 0], past[i, 1], cos, sin, mask)
            presents.append(torch.stack([k, v]))
        return self.head(self.norm(x)), torch.stack(presents)


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


def write_djl(out, args):
    torch.manual_seed(1)
    lm = LlamaShaped(args.vocab, args.dim, args.layers, args.heads, args.ff).eval()
    with torch.no_grad():
        for p in lm.parameters():
            if p.dim() > 1:
                p.normal_(0.0, 0.05)
    os.makedirs(out, exist_ok=True)
    torch.jit.script(lm).save(os.path.join(out, "model.pt"))
    table = bytes_to_unicode()
    vocab = {table[b]: b for b in range(256)}
    first_filler = 256 + len(SPECIAL)
    for i in range(first_filler, args.vocab):
        vocab["tok%05d" % i] = i  # unreachable by encoding (no merges); only the model can emit them
    added = [{"id": 256 + i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, t in enumerate(SPECIAL)]
    tok = {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added, "normalizer": None,
           "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
           "post_processor": None,
           "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
           "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                     "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                     "vocab": vocab, "merges": []}}
    with open(os.path.join(out, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tok, f, ensure_ascii=False)
    with open(os.path.join(out, "caro-model.properties"), "w", encoding="utf-8") as f:
        f.write("name = bench-djl\nchat_template = chatml\neos = <|im_end|>, <|endoftext|>\n"
                f"context_length = {args.context}\nkv_cache = true\n"
                f"kv_cache.shape = {args.layers}, 2, 1, {args.heads}, 0, {args.dim // args.heads}\n")


# ---------------------------------------------------------------- GGUF (version 3)

class Gguf:
    ALIGN = 32

    def __init__(self):
        self.kv = []
        self.tensors = []

    def s(self, text):
        b = text.encode("utf-8")
        return struct.pack("<Q", len(b)) + b

    def add(self, key, vtype, payload):
        self.kv.append(self.s(key) + struct.pack("<I", vtype) + payload)

    def u32(self, k, v): self.add(k, 4, struct.pack("<I", v))
    def f32(self, k, v): self.add(k, 6, struct.pack("<f", v))
    def boolean(self, k, v): self.add(k, 7, struct.pack("<?", v))
    def string(self, k, v): self.add(k, 8, self.s(v))

    def array(self, k, etype, items):
        body = b"".join(items)
        self.add(k, 9, struct.pack("<IQ", etype, len(items)) + body)

    def tensor(self, name, array):
        self.tensors.append((name, np.ascontiguousarray(array, dtype=np.float32)))

    def write(self, path):
        infos, offset = [], 0
        for name, a in self.tensors:
            dims = list(reversed(a.shape))  # GGUF lists the fastest-varying dimension first
            infos.append(self.s(name) + struct.pack("<I", len(dims)) + struct.pack("<%dQ" % len(dims), *dims)
                         + struct.pack("<IQ", 0, offset))
            offset += (a.nbytes + self.ALIGN - 1) // self.ALIGN * self.ALIGN
        with open(path, "wb") as f:
            f.write(b"GGUF" + struct.pack("<IQQ", 3, len(self.tensors), len(self.kv)))
            for kv in self.kv:
                f.write(kv)
            for info in infos:
                f.write(info)
            f.write(b"\0" * (-f.tell() % self.ALIGN))
            for _, a in self.tensors:
                f.write(a.tobytes())
                f.write(b"\0" * (-a.nbytes % self.ALIGN))


def write_gguf(path, args):
    rng = np.random.default_rng(1)
    tokens = ["<unk>", "<s>", "</s>"] + ["<0x%02X>" % b for b in range(256)] + ["<|im_start|>", "<|im_end|>"]
    tokens += [chr(c) for c in range(ord("!"), ord("~") + 1)] + ["\u2581"]
    tokens += ["tok%05d" % i for i in range(len(tokens), args.vocab)]
    types = [2, 3, 3] + [6] * 256 + [3, 3] + [1] * (args.vocab - 261)
    scores = [0.0] * 261 + [-float(i) for i in range(261, args.vocab)]
    arch = "llama"
    g = Gguf()
    g.string("general.architecture", arch)
    g.string("general.name", "caro-bench")
    g.u32("general.file_type", 0)
    g.u32(arch + ".context_length", args.context)
    g.u32(arch + ".embedding_length", args.dim)
    g.u32(arch + ".block_count", args.layers)
    g.u32(arch + ".feed_forward_length", args.ff)
    g.u32(arch + ".attention.head_count", args.heads)
    g.u32(arch + ".attention.head_count_kv", args.heads)
    g.u32(arch + ".rope.dimension_count", args.dim // args.heads)
    g.f32(arch + ".rope.freq_base", 10000.0)
    g.f32(arch + ".attention.layer_norm_rms_epsilon", 1e-5)
    g.u32(arch + ".vocab_size", args.vocab)
    g.string("tokenizer.ggml.model", "llama")
    g.array("tokenizer.ggml.tokens", 8, [g.s(t) for t in tokens])
    g.array("tokenizer.ggml.scores", 6, [struct.pack("<f", x) for x in scores])
    g.array("tokenizer.ggml.token_type", 5, [struct.pack("<i", x) for x in types])
    g.u32("tokenizer.ggml.bos_token_id", 1)
    g.u32("tokenizer.ggml.eos_token_id", 2)
    g.u32("tokenizer.ggml.unknown_token_id", 0)
    g.boolean("tokenizer.ggml.add_bos_token", True)
    g.boolean("tokenizer.ggml.add_eos_token", False)
    g.string("tokenizer.chat_template", CHATML)

    def rnd(*shape):
        return rng.standard_normal(shape, dtype=np.float32) * 0.05

    d, ff, v = args.dim, args.ff, args.vocab
    g.tensor("token_embd.weight", rnd(v, d))
    g.tensor("output_norm.weight", np.ones(d))
    g.tensor("output.weight", rnd(v, d))
    for i in range(args.layers):
        p = "blk.%d." % i
        g.tensor(p + "attn_norm.weight", np.ones(d))
        for n in ("attn_q", "attn_k", "attn_v", "attn_output"):
            g.tensor(p + n + ".weight", rnd(d, d))
        g.tensor(p + "ffn_norm.weight", np.ones(d))
        g.tensor(p + "ffn_gate.weight", rnd(ff, d))
        g.tensor(p + "ffn_up.weight", rnd(ff, d))
        g.tensor(p + "ffn_down.weight", rnd(d, ff))
    g.write(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--heads", type=int, default=8)
    ap.add_argument("--ff", type=int, default=1536)
    ap.add_argument("--vocab", type=int, default=32000)
    ap.add_argument("--context", type=int, default=4096)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    write_djl(os.path.join(args.out, "djl"), args)
    write_gguf(os.path.join(args.out, "bench.gguf"), args)
    params = 2 * args.vocab * args.dim + args.layers * (4 * args.dim ** 2 + 3 * args.dim * args.ff)
    print("wrote", args.out, "- %.1f M parameters each, float32" % (params / 1e6))


if __name__ == "__main__":
    main()
