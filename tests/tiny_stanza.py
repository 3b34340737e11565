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
from pathlib import Path

import stanza

SEQUOIA_DIR = Path(__file__).resolve().parent / "data" / "ud-french-sequoia"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
MODEL_NAME = "tiny.pt"

# Enough data for every label set (UPOS, deprels, MWTs, NER types) to show
# up, small enough that dictionary building and dev scoring stay cheap.
TRAIN_SENTENCES = 600
DEV_SENTENCES = 60
PRETRAIN_DIM = 32
STEPS = 200

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
        # Without its own pretrain path each processor falls back to the
        # default French package's vectors, which are not there; NER in
        # particular then runs on garbage instead of failing.
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
        # Holding the lock means any staging folder left behind belongs to
        # an interrupted run, never to a live one.
        staging = cache_root / f"{model_dir.name}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        log_path = staging / "train.log"
        with open(log_path, "w") as log:
            result = subprocess.run(
                [sys.executable, __file__, str(staging)],
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


# --- everything below runs in the training child process --------------------


def _read_sentences(path, limit):
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    return blocks[:limit]


def _write_conllu(path, blocks):
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")


def _build_pretrain(out_path, conllu_paths, work):
    """Random word vectors over the treebank vocabulary.

    The taggers only need *a* pretrain file to load; random vectors keep the
    repository free of real embeddings.  Written as text and converted by
    Stanza itself so the .pt format always matches the installed version.
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
    # Pretrain.save logs and swallows write errors.
    if not out_path.exists():
        raise RuntimeError(f"Stanza did not write the pretrain file {out_path}")


def _tokenizer_data(conllu, prefix):
    """Raw text and per-character labels, made by Stanza's own converters."""
    from stanza.utils.datasets import conllu_to_text, prepare_tokenizer_data

    txt, labels, mwt = (f"{prefix}.txt", f"{prefix}.toklabels", f"{prefix}-mwt.json")
    conllu_to_text.convert_text(str(conllu), txt)
    prepare_tokenizer_data.main([txt, str(conllu), "-o", labels, "-m", mwt])
    return txt, labels, mwt


def _silver_ner(conllu, out_path):
    """NER training data from the treebank's proper nouns.

    Sequoia has no entity annotation; a run of PROPN tokens becomes an
    entity, typed by a crude rule so that all three common types occur.
    """
    from stanza.utils.conll import CoNLL

    sentences = []
    for sentence in CoNLL.conll2doc(input_file=str(conllu)).sentences:
        rows = []
        previous, entity = "", None
        for token in sentence.tokens:
            # NER runs on tokens, so a contraction such as "du" stays whole.
            is_propn = len(token.words) == 1 and token.words[0].upos == "PROPN"
            if not is_propn:
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
    from stanza.models import lemmatizer, mwt_expander, ner_tagger, parser, tagger, tokenizer

    work = staging / "work"
    work.mkdir()
    models = staging / "models"
    for processor in PROCESSORS + ("pretrain",):
        model_path(models, processor).parent.mkdir(parents=True)
    # The pipeline insists on a resources file even when every model path
    # is given explicitly; an empty one stops it from looking further.
    (models / "resources.json").write_text("{}\n")

    train = work / "train.conllu"
    dev = work / "dev.conllu"
    _write_conllu(train, _read_sentences(SEQUOIA_DIR / "fr_sequoia-ud-train.conllu", TRAIN_SENTENCES))
    _write_conllu(dev, _read_sentences(SEQUOIA_DIR / "fr_sequoia-ud-dev.conllu", DEV_SENTENCES))

    pretrain = model_path(models, "pretrain")
    _build_pretrain(pretrain, [train, dev], work)

    def common(processor):
        return ["--shorthand", "fr_tiny", "--cpu",
                "--save_dir", str(model_path(models, processor).parent), "--save_name", MODEL_NAME]

    train_txt, train_labels, train_mwt = _tokenizer_data(train, work / "tok-train")
    dev_txt, dev_labels, _ = _tokenizer_data(dev, work / "tok-dev")
    tokenizer.main(common("tokenize") + [
        "--lang", "fr",
        "--txt_file", train_txt, "--label_file", train_labels, "--mwt_json_file", train_mwt,
        "--dev_txt_file", dev_txt, "--dev_label_file", dev_labels,
        "--emb_dim", "16", "--hidden_dim", "32", "--max_seqlen", "100", "--batch_size", "32",
        # One evaluation, at the end, which is when the model gets saved.
        "--steps", str(STEPS), "--eval_steps", str(STEPS),
    ])

    mwt_expander.main(common("mwt") + [
        "--lang", "fr",
        "--train_file", str(train), "--eval_file", str(dev), "--gold_file", str(dev),
        "--emb_dim", "16", "--hidden_dim", "32", "--num_epoch", "2",
    ])

    tagger.main(common("pos") + [
        "--lang", "fr", "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(train), "--eval_file", str(dev),
        "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
        "--hidden_dim", "32", "--char_hidden_dim", "32", "--transformed_dim", "16",
        "--deep_biaff_hidden_dim", "32", "--composite_deep_biaff_hidden_dim", "16",
        "--num_layers", "1", "--batch_size", "32",
        "--max_steps", str(STEPS), "--eval_interval", str(STEPS), "--fix_eval_interval",
    ])

    lemmatizer.main(common("lemma") + [
        "--train_file", str(train), "--eval_file", str(dev),
        # The edit classifier and POS embedding are sized from emb_dim.
        "--emb_dim", "16", "--pos_dim", "16", "--hidden_dim", "32", "--num_epoch", "1",
    ])

    parser.main(common("depparse") + [
        "--lang", "fr", "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(train), "--eval_file", str(dev),
        "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
        "--hidden_dim", "32", "--char_hidden_dim", "32", "--transformed_dim", "16",
        "--deep_biaff_hidden_dim", "32", "--deep_biaff_output_dim", "16",
        "--num_layers", "1", "--batch_size", "1000", "--no_checkpoint",
        "--max_steps", str(STEPS), "--eval_interval", str(STEPS),
    ])

    ner_train, ner_dev = work / "ner-train.json", work / "ner-dev.json"
    _silver_ner(train, ner_train)
    _silver_ner(dev, ner_dev)
    ner_tagger.main(common("ner") + [
        "--wordvec_pretrain_file", str(pretrain),
        "--train_file", str(ner_train), "--eval_file", str(ner_dev),
        "--char_emb_dim", "16", "--char_hidden_dim", "16", "--hidden_dim", "32",
        "--max_steps", str(STEPS), "--eval_interval", str(STEPS),
    ])

    missing = [p for p in PROCESSORS + ("pretrain",) if not model_path(models, p).is_file()]
    if missing:
        raise RuntimeError(f"training finished without writing models for {missing}")


if __name__ == "__main__":
    _train(Path(sys.argv[1]))
