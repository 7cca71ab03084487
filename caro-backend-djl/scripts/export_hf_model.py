#!/usr/bin/env python3
"""Exports a Hugging Face causal language model to a caro DJL model directory.

    pip install torch transformers          # once, on any machine with the model
    python3 export_hf_model.py Qwen/Qwen2.5-Coder-0.5B-Instruct ~/models/qwen2.5-coder-0.5b
    python3 export_hf_model.py ./my-local-checkpoint ~/models/mine --kv-cache

The source may be a hub id or a local checkpoint folder; this script is the only step that may
download. It writes:

    model.pt               TorchScript (torch.jit.trace), float32, CPU
    tokenizer.json         the model's fast tokenizer
    caro-model.properties  chat template, end tokens, context length, cache layout

Signatures written (see docs/djl-backend.md):

    default:     forward(input_ids [1, T] int64) -> logits [1, T, V]
    --kv-cache:  forward(input_ids [1, T] int64, past [L, 2, 1, H_kv, S, D] float32)
                 -> (logits [1, T, V], present [L, 2, 1, H_kv, S + T, D])

Tracing records one path through the model's Python code, so the script checks its own output:
it compares the traced model with the original on prompts of other lengths and on a short
greedy continuation, and refuses to write a model that disagrees. A model whose code branches
on sequence length fails that check; use the default (no cache) export for it.
"""
import argparse
import os
import sys

import torch
from torch import nn


def chat_template_family(tokenizer):
    t = getattr(tokenizer, "chat_template", None) or ""
    if "<|im_start|>" in t:
        return "chatml"
    if "<|start_header_id|>" in t:
        return "llama3"
    return "plain"


def end_tokens(tokenizer, model, family):
    names = {"chatml": ["<|im_end|>"], "llama3": ["<|eot_id|>"], "plain": []}[family]
    if tokenizer.eos_token:
        names.append(tokenizer.eos_token)
    ids = getattr(model.generation_config, "eos_token_id", None)
    ids = ids if isinstance(ids, list) else ([ids] if ids is not None else [])
    out = []
    for n in names:
        if n not in out and tokenizer.convert_tokens_to_ids(n) is not None:
            out.append(n)
    for i in ids:
        tok = tokenizer.convert_ids_to_tokens(i)
        if tok not in out and str(i) not in out:
            out.append(str(i))
    return out


class NoCache(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, input_ids):
        return self.model(input_ids=input_ids, use_cache=False, return_dict=False)[0]


class WithCache(nn.Module):
    """Keeps the cache in one tensor, so the Java side handles a single array."""

    def __init__(self, model, layers):
        super().__init__()
        self.model = model
        self.layers = layers

    def forward(self, input_ids, past):
        s = past.size(4)
        t = input_ids.size(1)
        legacy = tuple((past[i, 0], past[i, 1]) for i in range(self.layers))
        try:
            from transformers import DynamicCache
            cache = DynamicCache.from_legacy_cache(legacy)
        except (ImportError, AttributeError):
            cache = legacy
        position_ids = torch.arange(s, s + t).unsqueeze(0)
        attention_mask = torch.ones(1, s + t, dtype=torch.long)
        out = self.model(input_ids=input_ids, past_key_values=cache, position_ids=position_ids,
                         attention_mask=attention_mask, use_cache=True, return_dict=False)
        present = out[1]
        if hasattr(present, "to_legacy_cache"):
            present = present.to_legacy_cache()
        return out[0], torch.stack([torch.stack([k, v]) for k, v in present])


def cache_shape(config):
    layers = config.num_hidden_layers
    heads = getattr(config, "num_key_value_heads", None) or config.num_attention_heads
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    return [layers, 2, 1, heads, 0, head_dim]


def greedy(step, prompt, steps, cached, shape):
    ids, out = prompt, []
    past = torch.zeros(*shape) if cached else None
    with torch.no_grad():
        for _ in range(steps):
            if cached:
                logits, past = step(ids, past)
            else:
                logits = step(ids)
            nxt = int(logits[0, -1].argmax())
            out.append(nxt)
            nxt_t = torch.tensor([[nxt]])
            ids = nxt_t if cached else torch.cat([ids, nxt_t], dim=1)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="hub id or local checkpoint folder")
    ap.add_argument("target", help="the model directory to write")
    ap.add_argument("--kv-cache", action="store_true", help="export with past keys/values (faster answers)")
    ap.add_argument("--context-length", type=int, default=0, help="cap the context (default: the model's)")
    args = ap.parse_args()

    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(args.source)
    if not getattr(tokenizer, "is_fast", False):
        sys.exit("this model has no fast tokenizer, so there is no tokenizer.json for caro to read")
    try:
        model = AutoModelForCausalLM.from_pretrained(args.source, dtype=torch.float32)
    except TypeError:  # transformers before 4.56 calls it torch_dtype
        model = AutoModelForCausalLM.from_pretrained(args.source, torch_dtype=torch.float32)
    model.eval()
    shape = cache_shape(model.config)

    family = chat_template_family(tokenizer)
    messages = [{"role": "system", "content": "You write one shell command."},
                {"role": "user", "content": "list files"}]
    if tokenizer.chat_template:
        prompt_text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    else:
        prompt_text = "System: You write one shell command.\n\nUser: list files\n\nAssistant:"
    prompt = torch.tensor([tokenizer(prompt_text, add_special_tokens=False)["input_ids"]])

    wrapper = WithCache(model, shape[0]) if args.kv_cache else NoCache(model)
    with torch.no_grad():
        if args.kv_cache:
            example = (prompt[:, :5], torch.zeros(*shape[:4], 3, shape[5]))
        else:
            example = (prompt[:, :7],)
        traced = torch.jit.trace(wrapper, example, check_trace=False)

    # Refuse to write a trace that only works for the example's lengths.
    expected = greedy(wrapper, prompt, 8, args.kv_cache, shape)
    actual = greedy(traced, prompt, 8, args.kv_cache, shape)
    if expected != actual:
        sys.exit(f"the traced model disagrees with the original ({actual} != {expected});"
                 + (" try again without --kv-cache" if args.kv_cache else " this architecture does not trace"))

    os.makedirs(args.target, exist_ok=True)
    traced.save(os.path.join(args.target, "model.pt"))
    tokenizer.backend_tokenizer.save(os.path.join(args.target, "tokenizer.json"))
    context = getattr(model.config, "max_position_embeddings", 2048)
    if args.context_length:
        context = min(context, args.context_length)
    lines = [
        "# Exported by caro-backend-djl/scripts/export_hf_model.py from " + args.source,
        "name = " + os.path.basename(os.path.normpath(args.target)),
        "chat_template = " + family,
        "eos = " + ", ".join(end_tokens(tokenizer, model, family)),
        "context_length = %d" % context,
        "add_special_tokens = " + ("false" if family != "plain" else "true"),
        "kv_cache = " + ("true" if args.kv_cache else "false"),
    ]
    if args.kv_cache:
        lines.append("kv_cache.shape = " + ", ".join(map(str, shape)))
    with open(os.path.join(args.target, "caro-model.properties"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote", args.target, "- greedy check passed:", tokenizer.decode(expected))
    print("use it: caro config set backends.djl.model_dir", os.path.abspath(args.target))


if __name__ == "__main__":
    main()
