/**
 * Each phrase-pattern family of extractors/legacy/figures.json, on real
 * sentences of 2009–2018 reports (copied from the legacy development corpus).
 */
import { findFigures, type Figure } from '../../src/legacy/figures.js';
import { foldText } from '../../src/legacy/fold.js';
import { loadLegacyTemplates } from '../../src/legacy/load.js';

const rules = loadLegacyTemplates()!.figures;

function figures(text: string, section = 'activeDisclosure'): Figure[] {
  return findFigures(text.split('\n').map((p) => ({ section, folded: foldText(p), printed: p })), rules);
}

/** key=value (+ marks) for compact expectations. */
const short = (f: Figure) => `${f.key}=${f.zero ? 'none' : f.value}${f.qualifier ? `(${f.qualifier})` : ''}`;
const keys = (text: string, section?: string) => figures(text, section).map(short);

describe('proactive disclosure', () => {
  it('reads this year\'s total in its many phrasings', () => {
    expect(keys('根据《条例》要求，本单位对应主动公开的政府信息进行了梳理和编目，2015年度共主动公开政府信息339条。')).toEqual(['activeDisclosure.total=339']);
    expect(keys('2009年我局主动公开信息共42条。')).toEqual(['activeDisclosure.total=42']);
    expect(keys('2010年，我镇通过门户网站公开各类信息46条。')).toEqual(['activeDisclosure.total=46']);
    expect(keys('2015年度，本局共主动公开各类政府信息28条。')).toEqual(['activeDisclosure.total=28']);
    expect(keys('在本年度主动公开的14条政府信息中，机构职能类信息6条，占42.9%；')).toEqual(['activeDisclosure.total=14']);
  });

  it('tells the running total (历年累计, 截至…累计) from this year\'s', () => {
    expect(keys('截至2010年底，我局主动公开政府信息历年累计52条，其中2010年新增主动公开政府信息14条。')).toEqual([
      'activeDisclosure.cumulative=52',
      'activeDisclosure.total=14',
    ]);
    expect(keys('2012年，全市各级行政机关主动公开政府信息186542条，截至2012年底累计主动公开政府信息1325760条。')).toEqual([
      'activeDisclosure.total=186542',
      'activeDisclosure.cumulative=1325760',
    ]);
  });

  it('reads normative documents and leaves breakdowns by category or channel alone', () => {
    expect(keys('2016年，我局通过舒兰市政府信息公开网主动公开政府信息126条，其中规范性文件2件。')).toEqual([
      'activeDisclosure.total=126',
      'activeDisclosure.normativeDocuments=2',
    ]);
    expect(keys('2018年度我镇主动公开政府信息数22条，其中线上信息公开15条。')).toEqual(['activeDisclosure.total=22']);
    expect(keys('其中，政务动态类信息112条，占33.04%；统计信息146条，占43.07%；其它类信息81条，占23.89%。')).toEqual([]);
    expect(keys('（一）公开的主要内容：2016年度共主动公开政府信息25条，在主动公开的信息中，工作动态信息5条，财政预决算信息19条。')).toEqual([
      'activeDisclosure.total=25',
    ]);
  });

  it('marks 755多条 as at least, keeping the printed digits', () => {
    const [f] = figures('2017年，主动公开政府工作信息、动态755多条。');
    expect(f).toMatchObject({ key: 'activeDisclosure.total', value: 755, raw: '755', unit: '条', qualifier: 'atLeast', zero: false });
    expect(keys('全年主动公开政府信息约300条。')).toEqual(['activeDisclosure.total=300(approx)']);
    expect(figures('全年主动公开政府信息1.2万余条。')).toMatchObject([{ value: 12000, raw: '1.2', unit: '条', qualifier: 'atLeast' }]);
  });
});

describe('applications', () => {
  it('reads received, answered and the answers by outcome', () => {
    expect(keys('2012年，全市共收到依申请公开政府信息申请11867件，申请内容主要涉及城市规划、土地征收等方面。', 'applications')).toEqual([
      'requests.received=11867',
    ]);
    expect(
      keys('截至2012年12月31日，已答复11542件，其中同意公开6873件，同意部分公开1204件，不予公开3465件（含信息不存在、非本机关掌握等情形），其余申请正在办理中。', 'applications'),
    ).toEqual(['requests.answered=11542', 'requests.answers.granted=6873', 'requests.answers.partiallyGranted=1204', 'requests.answers.denied=3465']);
    expect(keys('2016年，我局共收到政府信息公开申请3件，均为当面申请，已全部按时办结并答复，其中同意公开2件，告知申请信息不存在1件。', 'applications')).toEqual([
      'requests.received=3',
      'requests.answers.granted=2',
    ]);
  });

  it('reads statements of none, one per key and sentence', () => {
    expect(figures('本单位2015年未收到政府信息公开申请。', 'applications')).toEqual([
      { key: 'requests.received', value: 0, unit: null, qualifier: null, zero: true, section: 'applications', sentence: '本单位2015年未收到政府信息公开申请。', raw: null },
    ]);
    expect(keys('2018年度我镇没有接到群众主动要求公开政府信息的申请。')).toEqual(['requests.received=none']);
    expect(keys('1、依申请公开情况：目前我乡尚未收到政府信息公开申请。')).toEqual(['requests.received=none']);
    expect(keys('本年度无依申请公开事项。')).toEqual(['requests.received=none']);
  });

  it('leaves the breakdown by channel alone', () => {
    expect(keys('全年共受理政府信息公开申请5件。其中，当面申请3件，网上申请2件。', 'applications')).toEqual(['requests.received=5']);
  });

  it('never reads an enquiry as an application (the 咨询 trap)', () => {
    expect(keys('2015年度，本局未收到依申请公开信息的咨询。')).toEqual(['consultations.total=none']);
    expect(keys('3、咨询情况：全年共接待群众现场及电话咨询46人次，均当场予以答复。')).toEqual(['consultations.total=46']);
    expect(keys('2012年，全市共受理政府信息公开方面的咨询356800人次，其中现场咨询、网上咨询和电话咨询分别占三成左右。')).toEqual([
      'consultations.total=356800',
    ]);
  });
});

describe('review, litigation, petitions', () => {
  it('reads case counts, Chinese numerals included', () => {
    const f = figures('2012年，全市共发生政府信息公开类行政复议案件412件，行政诉讼案件186件，申诉两件。', 'reviewLitigation');
    expect(f.map(short)).toEqual(['review.total=412', 'litigation.total=186', 'petitions.total=2']);
    expect(f[2]).toMatchObject({ raw: '两', unit: '件' });
  });

  it('reads a printed 0 as a number, not as a statement of none', () => {
    expect(figures('我乡收到有关政府信息公开行政复议申请0件。')).toMatchObject([{ key: 'review.total', value: 0, raw: '0', zero: false, unit: '件' }]);
  });

  it('reads one sentence of none as several keys', () => {
    expect(keys('2015年度，本单位未发生因政府信息公开申请行政复议、提起行政诉讼的情况。')).toEqual(['review.total=none', 'litigation.total=none']);
    expect(keys('2016年度未接到有关政府信息公开方面的复议、诉讼和申诉。')).toEqual(['review.total=none', 'litigation.total=none', 'petitions.total=none']);
    expect(keys('我镇2018年度，没有发生针对本单位有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案。')).toEqual([
      'review.total=none',
      'litigation.total=none',
      'petitions.total=none',
    ]);
    expect(
      keys('2015年度，本局未发生针对本部门有关政府信息公开事务的行政复议案、行政诉讼案和有关的申诉案，未发生与诉讼有关的费用支出。'),
    ).toEqual(['review.total=none', 'litigation.total=none', 'petitions.total=none']);
  });
});

describe('fees', () => {
  it('reads the amount with its printed unit', () => {
    expect(figures('全市依申请提供政府信息共收取检索、复制、邮寄等费用23560元，对确有经济困难的申请人依法减免了相关费用。')).toMatchObject([
      { key: 'fees.amount', value: 23560, unit: '元', raw: '23560' },
    ]);
  });

  it('reads statements that nothing was charged', () => {
    expect(keys('我局政务信息公开未收取任何费用。')).toEqual(['fees.amount=none']);
    expect(keys('2010年度，我镇政府信息公开没有收费。')).toEqual(['fees.amount=none']);
    expect(keys('2015年度，本单位没有向依申请公开对象收取复印、传真、递送等任何费用，也无减免情况。')).toEqual(['fees.amount=none']);
    expect(keys('2015年度，本局无政府信息公开的收费和减免事项，未收取与政府信息申请有关的任何费用。')).toEqual(['fees.amount=none']);
  });
});

describe('traditional script', () => {
  it('matches the folded text and keeps the printed characters', () => {
    const f = figures('2012年，全市共發生政府信息公開類行政複議案件412件，行政訴訟案件186件，申訴兩件。', 'reviewLitigation');
    expect(f.map(short)).toEqual(['review.total=412', 'litigation.total=186', 'petitions.total=2']);
    expect(f[2]).toMatchObject({ raw: '兩', sentence: '2012年，全市共發生政府信息公開類行政複議案件412件，行政訴訟案件186件，申訴兩件。' });
  });
});
