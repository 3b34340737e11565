"""Tiny but real Stanza French models, trained at test time.

The Stanza model hub is unreachable in CI, so the tests train throwaway
models on a slice of UD French-Sequoia (kept in tests/data).  They are far
too small to be accurate; they exist so that ``stanza.Pipeline`` runs end
to end through the same code paths as with the published models.

Training runs in a child process (this file run as a script): the Stanza
trainers set the 'stanza' logger to DEBUG, reseed the global RNGs and print
freely, none of which should leak into the test session.
"""

import fcntl
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import stanza

SEQUOIA_DIR = Path(__file__).resolve().parent / "data" / "ud-french-sequoia"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
MODEL_NAME = "tiny.pt"

# Enough data for every label set (UPOS, features, deprels, contractions,
# entity types) to show up; small enough that vocabulary building and dev
# scoring stay cheap.
TRAIN_SENTENCES = 600
DEV_SENTENCES = 60
PRETRAIN_DIM = 32

# Prepositions that, right before a proper noun, make it a place (silver NER).
LOCATIVE_WORDS = {"à", "au", "aux", "en", "dans", "vers"}


def model_path(model_dir, processor):
    return Path(model_dir) / "fr" / processor / MODEL_NAME


def pipeline_kwargs(model_dir):
    """Keyword arguments for ``stanza.Pipeline('fr', ...)`` on the tiny models."""
    pretrain = str(model_path(model_dir, "pretrain"))
    kwargs = {
        "dir": str(model_dir),
        "processors": ",".join(PROCESSORS),
        "download_method": None,
        # The word vectors these processors were trained with; Stanza would
        # otherwise look for the published French ones (pos then fails to load).
        "pos_pretrain_path": pretrain,
        "depparse_pretrain_path": pretrain,
        "ner_pretrain_path": pretrain,
    }
    for processor in PROCESSORS:
        kwargs[f"{processor}_model_path"] = str(model_path(model_dir, processor))
    return kwargs


def ensure_tiny_models(cache_root):
    """Return the tiny model folder under ``cache_root``, training it if needed.

    Keyed on the Stanza version, since a new Stanza may not load models saved
    by an older one.  Safe to call from several processes at once: training
    happens under an exclusive file lock into a staging folder, which is
    renamed into place only once complete.
    """
    cache_root = Path(cache_root)
    model_dir = cache_root / f"stanza-{stanza.__version__}"
    if model_dir.is_dir():
        return model_dir

    cache_root.mkdir(parents=True, exist_ok=True)
    with open(cache_root / f"{model_dir.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        # Another process may have finished training while we waited.
        if model_dir.is_dir():
            return model_dir
        # Holding the lock means staging folders left behind belong to failed
        # or killed runs, not to a live one.  Each run gets its own, so that a
        # trainer orphaned by a killed run cannot write into the next one's.
        for stale in cache_root.glob(f"{model_dir.name}.partial-*"):
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{model_dir.name}.partial-", dir=cache_root))
        log_path = staging / "train.log"
        with open(log_path, "w") as log:
            # cwd: trainers fall back on relative default paths for anything
            # not given explicitly; keep such strays inside the staging folder.
            result = subprocess.run(
                [sys.executable, str(Path(__file__).resolve()), str(staging)],
                cwd=staging,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        if result.returncode != 0:
            tail = log_path.read_text(errors="replace").splitlines()[-60:]
            raise RuntimeError(
                f"training the tiny Stanza models failed (exit {result.returncode}); "
                f"full log in {log_path}, last lines:\n" + "\n".join(tail)
            )
        os.rename(staging / "models", model_dir)
        shutil.rmtree(staging)
    return model_dir


# --- everything below runs in the training child process ---------------------


def _write_slice(source, limit, target):
    blocks = source.read_text(encoding="utf-8").strip().split("\n\n")
    target.write_text("\n\n".join(blocks[:limit]) + "\n\n", encoding="utf-8")


def _build_pretrain(out_path, conllu_paths, work):
    """Random word vectors over the treebank vocabulary.

    pos, depparse and ner need *some* pretrain to load; random vectors keep
    real embeddings out of the repository.  They are written as text and
    converted by Stanza itself so the .pt format matches the installed
    version.
    """
    from stanza.models.common.pretrain import Pretrain
    from stanza.utils.conll import CoNLL

    vocab = set()
    for path in conllu_paths:
        for sentence in CoNLL.conll2doc(input_file=str(path)).sentences:
            # Stanza looks words up lowercased in the pretrain.
            vocab.update(token.text.lower() for token in sentence.tokens)
            vocab.update(word.text.lower() for word in sentence.words)
    rng = random.Random(1234)
    text_path = work / "vectors.txt"
    with open(text_path, "w", encoding="utf-8") as out:
        out.write(f"{len(vocab)} {PRETRAIN_DIM}\n")
        for word in sorted(vocab):
            vector = " ".join(f"{rng.gauss(0, 0.3):.4f}" for _ in range(PRETRAIN_DIM))
            out.write(f"{word} {vector}\n")
    Pretrain(str(out_path), str(text_path)).load()
    # Pretrain.save logs write errors and carries on.
    if not out_path.is_file():
        raise RuntimeError(f"Stanza did not write the pretrain file {out_path}")


def _tokenizer_data(conllu, prefix):
    """Raw text, per-character labels and MWT list, by Stanza's own converters."""
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    txt, labels, mwt = f"{prefix}.txt", f"{prefix}.toklabels", f"{prefix}-mwt.json"
    conllu_to_text.convert_text(str(conllu), txt)
    prepare_tokenizer_data.main([txt, str(conllu), "-o", labels, "-m", mwt])
    return txt, labels, mwt


def _silver_ner(conllu, out_path):
    """NER training data from the treebank's proper nouns.

    Sequoia has no entity annotation; a run of PROPN tokens becomes an
    entity, typed by a crude rule so that several types occur.
    """
    from stanza.utils.conll import CoNLL

    sentences = []
    for sentence in CoNLL.conll2doc(input_file=str(conllu)).sentences:
        rows = []
        previous, entity = "", None
        # NER runs on tokens, so a contraction such as "du" stays whole.
        for token in sentence.tokens:
            if len(token.words) != 1 or token.words[0].upos != "PROPN":
                tag, entity = "O", None
            elif entity is not None:
                tag = f"I-{entity}"
            else:
                if token.text.isupper() and len(token.text) > 1:
                    entity = "ORG"
                elif previous.lower() in LOCATIVE_WORDS:
                    entity = "LOC"
                else:
                    entity = "PER"
                tag = f"B-{entity}"
            rows.append({"text": token.text, "ner": tag})
            previous = token.text
        sentences.append(rows)
    out_path.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")


def _train(staging):
    """Train every model into ``staging/models``.

    Sizes and step counts are the smallest that still give the tests what
    they check (in particular the tokenizer must learn to mark "du" as a
    multi-word token, and NER to tag some capitalised names); the whole run
    should stay around a minute on two CPU cores.
    """
    import torch
    from stanza.models import lemmatizer, mwt_expander, ner_tagger, parser, tagger, tokenizer

    # Models this small barely gain from a second thread, and multi-threaded
    # torch slows down tenfold when the CPUs are shared with other jobs.
    torch.set_num_threads(1)

    work = staging / "work"
    work.mkdir()
    models = staging / "models"
    for processor in PROCESSORS + ("pretrain",):
        model_path(models, processor).parent.mkdir(parents=True)
    # The pipeline insists on a resources file even when every model path is
    # given; an empty one also stops it from looking for default packages.
    (models / "resources.json").write_text("{}\n")

    train, dev = work / "train.conllu", work / "dev.conllu"
    _write_slice(SEQUOIA_DIR / "fr_sequoia-ud-train.conllu", TRAIN_SENTENCES, train)
    _write_slice(SEQUOIA_DIR / "fr_sequoia-ud-dev.conllu", DEV_SENTENCES, dev)
    pretrain = model_path(models, "pretrain")
    _build_pretrain(pretrain, [train, dev], work)

    def args(processor, *extra):
        return [
            "--shorthand", "fr_tiny", "--cpu",
            "--save_dir", str(model_path(models, processor).parent), "--save_name", MODEL_NAME,
            *extra,
        ]

    conllu_data = ["--train_file", str(train), "--eval_file", str(dev)]
    tagger_sizes = [
        "--lang", "fr", "--wordvec_pretrain_file", str(pretrain),
        "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
        "--hidden_dim", "32", "--char_hidden_dim", "32", "--transformed_dim", "16",
        "--deep_biaff_hidden_dim", "32", "--num_layers", "1",
    ]

    train_txt, train_labels, train_mwt = _tokenizer_data(train, work / "tok-train")
    dev_txt, dev_labels, _ = _tokenizer_data(dev, work / "tok-dev")
    # Trainers driven by a step count save only when they evaluate on dev:
    # evaluate once, at the last step.
    tokenizer.main(args(
        "tokenize", "--lang", "fr",
        "--txt_file", train_txt, "--label_file", train_labels, "--mwt_json_file", train_mwt,
        "--dev_txt_file", dev_txt, "--dev_label_file", dev_labels,
        "--emb_dim", "16", "--hidden_dim", "32", "--max_seqlen", "100",
        # At the default rate, 250 steps are not enough to learn contractions.
        "--lr0", "0.02", "--steps", "250", "--eval_steps", "250",
    ))

    mwt_expander.main(args(
        "mwt", "--lang", "fr", *conllu_data, "--gold_file", str(dev),
        "--emb_dim", "16", "--hidden_dim", "32", "--num_epoch", "2",
    ))

    tagger.main(args(
        "pos", *conllu_data, *tagger_sizes,
        "--composite_deep_biaff_hidden_dim", "16", "--batch_size", "16",
        "--max_steps", "100", "--eval_interval", "100", "--fix_eval_interval",
    ))

    lemmatizer.main(args(
        "lemma", *conllu_data,
        # The POS tag is embedded as an extra first character of the word,
        # so it has to be exactly as wide as the character embeddings.
        "--emb_dim", "16", "--pos_dim", "16", "--hidden_dim", "32",
        "--batch_size", "200", "--num_epoch", "1",
    ))

    parser.main(args(
        "depparse", *conllu_data, *tagger_sizes,
        "--deep_biaff_output_dim", "16", "--batch_size", "500", "--no_checkpoint",
        "--max_steps", "100", "--eval_interval", "100",
    ))

    ner_train, ner_dev = work / "ner-train.json", work / "ner-dev.json"
    _silver_ner(train, ner_train)
    _silver_ner(dev, ner_dev)
    ner_tagger.main(args(
        "ner", "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(ner_train), "--eval_file", str(ner_dev),
        "--char_emb_dim", "16", "--char_hidden_dim", "16", "--hidden_dim", "32",
        # The default SGD still tags everything O after a few hundred steps.
        "--optim", "adam", "--lr", "0.02",
        "--max_steps", "120", "--eval_interval", "120",
    ))

    missing = [p for p in PROCESSORS + ("pretrain",) if not model_path(models, p).is_file()]
    if missing:
        raise RuntimeError(f"training finished without writing models for {missing}")


if __name__ == "__main__":
    _train(Path(sys.argv[1]))
