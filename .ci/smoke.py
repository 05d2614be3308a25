"""Exactness smoke test for one transformers release (CI runs it on the oldest and the newest supported).

Tiny Llama and GPT-NeoX targets (and a sliding-window Mistral), three drafts each (the target itself, a noisy
copy, an unrelated tiny Llama), a batch of three left-padded prompts that end at different times: specdec's
greedy output must equal `target.generate` on the same batch, token for token, in fp32. Refusals are checked
too (BLOOM's ALiBi, Mamba's recurrent state). Prints one line per check and 'N passed, M failed'."""
import sys, time, warnings
import torch, transformers
from specdec import __version__
from specdec.testing import tiny_model, tiny_tokenizer, noisy_copy
from specdec.generator import SpeculativeGenerator

warnings.filterwarnings('ignore'); transformers.logging.set_verbosity_error(); torch.set_num_threads(1)
start, passed, failed = time.time(), 0, 0

def check(name, f):
    global passed, failed
    try: f(); passed += 1; print(f"ok     {name}")
    except Exception as e: failed += 1; print(f"FAILED {name}: {type(e).__name__}: {e}")

tokenizer = tiny_tokenizer(); tokenizer.padding_side = 'left'
batch = tokenizer(["def generate(prompt", "import torch", "The quick brown fox jumps over the lazy dog."], padding=True, return_tensors='pt')
L = batch['input_ids'].shape[1]

def exact(target, draft):
    free = target.generate(**batch, max_new_tokens=24, do_sample=False, pad_token_id=0)[:, L:]
    eos = [free[0, 4].item(), free[1, 12].item()]  # rows end at different times
    kw = dict(max_new_tokens=24, do_sample=False, eos_token_id=eos, pad_token_id=0)
    hf, ours = target.generate(**batch, **kw), SpeculativeGenerator(target, draft, tokenizer, K=4).generate(**batch, **kw)
    if not torch.equal(hf, ours): raise AssertionError(f"specdec\n{ours}\n!= target.generate\n{hf}")

for arch in ('llama', 'gpt_neox', 'mistral'):
    target = tiny_model(arch, vocab_size=320)
    drafts = dict(same=lambda: target, noisy=lambda: noisy_copy(target, 0.3), unrelated=lambda: tiny_model('llama', vocab_size=320, seed=3))
    for name, draft in drafts.items(): check(f"{arch} target, {name} draft: batch of 3 equals target.generate", lambda: exact(target, draft()))

def refused(arch, reason):
    try: SpeculativeGenerator(tiny_model(arch), tiny_model('llama'), tokenizer)
    except ValueError as e:
        if reason not in str(e): raise AssertionError(f"refused for another reason: {e}")
        return
    raise AssertionError("not refused")
check("bloom refused (ALiBi from a 2-D mask)", lambda: refused('bloom', 'ALiBi'))
check("mamba refused (recurrent state)", lambda: refused('mamba', 'recurrent / state-space'))

print(f"specdec {__version__}, transformers {transformers.__version__}, torch {torch.__version__}: {time.time() - start:.1f}s")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
