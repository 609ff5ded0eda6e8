// The edits of the text-only pdf.js copy that let a page's operator list
// replay the operators its text pass read, instead of parsing the content
// stream a second time (part of scripts/pdfjs-text-only.mjs's EDITS; same
// rules: each `find` occurs exactly once in pdfjs-dist 5.6.205).
//
// gongkai reads every page's text (`getTextContent`) and then, on pages that
// may hold a table, its operator list (`getOperatorList`, for ruling lines
// and fake bold): the same content stream inflated and lexed twice. The text
// pass now keeps what its preprocessor read — each operator with its
// operands, as the operator-list pass's preprocessor would have returned
// them (a fresh array, or null when there are none) — and the page keeps the
// last such recording of its document. The operator-list pass of the same
// page takes it (once) and reads from it; every other call parses as before.
//
// Exact because the preprocessor's output depends only on the stream's
// bytes, which are the page's same /Contents both times:
//   - only a text pass that read to the end of the stream is kept (a parse
//     error, a cancelled or failed pass keeps nothing, and the operator list
//     parses and fails as it did);
//   - a page with an inline image (BI … ID … EI) keeps nothing: its image is
//     a stream object read where it is used, and the parser's per-pass cache
//     of inline images resets such objects;
//   - the text pass gets the operands in its own reused array as before; the
//     recorded arrays are not touched by it, and the operator list, which
//     changes some (a shown string becomes its glyphs), gets each once;
//   - the state the preprocessor keeps (save, restore, transform) is updated
//     from the replayed operators as from parsed ones.
// Only a page's own content stream is replayed, not forms or annotations.

/**
 * Added to the worker half: `TEXT_PASS_OPS` (a document's XRef → `{ page, ops }`, the
 * recording of its last fully read text pass, `ops` as fn, args, fn, args …), the
 * recording preprocessor (text pass) and the replaying one (operator list).
 */
const PREPROCESSORS = `
// gongkai text-only (edit replay-preprocessors): see scripts/pdfjs-text-only-replay.mjs
const TEXT_PASS_OPS = new WeakMap();
class RecordingPreprocessor extends EvaluatorPreprocessor {
  constructor(stream, xref, stateManager, recording) {
    super(stream, xref, stateManager);
    this.recording = recording;
    this.ops = [];
  }
  read(operation) {
    const reused = operation.args;
    operation.args = null;
    const more = super.read(operation);
    const args = operation.args;
    operation.args = reused;
    if (!more) {
      this.recording.ops = this.ops;
      return false;
    }
    if (operation.fn === OPS.endInlineImage) {
      this.ops = null;
    } else {
      this.ops?.push(operation.fn, args);
    }
    if (args !== null) {
      for (let i = 0; i < args.length; i++) {
        reused.push(args[i]);
      }
    }
    return true;
  }
}
class ReplayingPreprocessor {
  constructor(ops, stateManager) {
    this.ops = ops;
    this.pos = 0;
    this.stateManager = stateManager;
  }
  get savedStatesDepth() {
    return this.stateManager.stateStack.length;
  }
  read(operation) {
    if (this.pos >= this.ops.length) {
      return false;
    }
    const fn = this.ops[this.pos];
    const args = this.ops[this.pos + 1];
    this.ops[this.pos + 1] = null;
    this.pos += 2;
    EvaluatorPreprocessor.prototype.preprocessCommand.call(this, fn, args);
    operation.fn = fn;
    operation.args = args;
    return true;
  }
}
`;

export const REPLAY_EDITS = [
  {
    id: 'replay-preprocessors',
    file: 'pdf.worker.mjs',
    why: "a preprocessor that records what the text pass reads, and one that hands it to the same page's operator-list pass",
    find: '\n;// ./src/core/default_appearance.js\n',
    replace: `${PREPROCESSORS}\n;// ./src/core/default_appearance.js\n`,
  },
  {
    id: 'replay-record-text-pass',
    file: 'pdf.worker.mjs',
    why: "getTextContent records its page's operators when asked (forms and annotations are not asked)",
    find: [
      '    prevRefs = null,',
      '    intersector = null',
      '  }) {',
      '',
    ].join('\n'),
    replace: [
      '    prevRefs = null,',
      '    intersector = null,',
      '    recording = null // gongkai text-only (replay-record-text-pass)',
      '  }) {',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-record-text-pass-preprocessor',
    file: 'pdf.worker.mjs',
    why: 'the recording preprocessor reads the stream for the text pass',
    find: [
      '    const emptyGStateCache = new LocalGStateCache();',
      '    const preprocessor = new EvaluatorPreprocessor(stream, xref, stateManager);',
      '',
    ].join('\n'),
    replace: [
      '    const emptyGStateCache = new LocalGStateCache();',
      '    const preprocessor = recording ? new RecordingPreprocessor(stream, xref, stateManager, recording) : new EvaluatorPreprocessor(stream, xref, stateManager); // gongkai text-only',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-op-pass',
    file: 'pdf.worker.mjs',
    why: 'getOperatorList reads from a recording when it is given one',
    find: [
      '    fallbackFontDict = null,',
      '    prevRefs = null',
      '  }) {',
      '',
    ].join('\n'),
    replace: [
      '    fallbackFontDict = null,',
      '    prevRefs = null,',
      '    replay = null // gongkai text-only (replay-op-pass)',
      '  }) {',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-op-pass-preprocessor',
    file: 'pdf.worker.mjs',
    why: 'the replaying preprocessor stands in for the parsing one',
    find: [
      '    const preprocessor = new EvaluatorPreprocessor(stream, xref, stateManager);',
      '    const timeSlotManager = new TimeSlotManager();',
      '    function closePendingRestoreOPS(argument) {',
      '',
    ].join('\n'),
    replace: [
      '    const preprocessor = replay ? new ReplayingPreprocessor(replay, stateManager) : new EvaluatorPreprocessor(stream, xref, stateManager); // gongkai text-only',
      '    const timeSlotManager = new TimeSlotManager();',
      '    function closePendingRestoreOPS(argument) {',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-page-text',
    file: 'pdf.worker.mjs',
    why: "a page's text pass records its content stream's operators",
    find: '    const partialEvaluator = this.#createPartialEvaluator(handler);\n    return partialEvaluator.getTextContent({\n',
    replace: [
      '    const partialEvaluator = this.#createPartialEvaluator(handler);',
      '    const recording = { ops: null }; // gongkai text-only (replay-page-text): set when the pass reads to the end, without inline images',
      '    const textContent = await partialEvaluator.getTextContent({',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-page-text-kept',
    file: 'pdf.worker.mjs',
    why: "a complete recording is kept as the document's last",
    find: '      viewBox: this.view,\n      lang,\n      intersector\n    });\n',
    replace: [
      '      viewBox: this.view,',
      '      lang,',
      '      intersector,',
      '      recording',
      '    });',
      '    if (recording.ops) {',
      '      TEXT_PASS_OPS.set(this.xref, { page: this, ops: recording.ops });',
      '    }',
      '    return textContent;',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-page-operators',
    file: 'pdf.worker.mjs',
    why: "a page's operator list takes its own text pass's recording, once",
    find: [
      '    const contentStreamPromise = this.getContentStream();',
      '    const resourcesPromise = this.loadResources(RESOURCES_KEYS_OPERATOR_LIST);',
      '',
    ].join('\n'),
    replace: [
      '    const recorded = TEXT_PASS_OPS.get(this.xref); // gongkai text-only (replay-page-operators)',
      '    const replay = recorded?.page === this ? recorded.ops : null;',
      '    if (replay) {',
      '      TEXT_PASS_OPS.delete(this.xref);',
      '    }',
      '    const contentStreamPromise = this.getContentStream();',
      '    const resourcesPromise = this.loadResources(RESOURCES_KEYS_OPERATOR_LIST);',
      '',
    ].join('\n'),
  },
  {
    id: 'replay-page-operators-call',
    file: 'pdf.worker.mjs',
    why: 'the recording goes to the page content\'s getOperatorList only',
    find: '        operatorList: opList\n      });\n',
    replace: '        operatorList: opList,\n        replay // gongkai text-only\n      });\n',
  },
];
