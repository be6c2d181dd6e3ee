import ExcelJS from 'exceljs';
import { chinaDateOf } from '../../../domain/calendar.ts';
import type { Lang } from '../../http/messages.ts';

export interface SupplementNotice {
  caseNo: string;
  applicantName: string;
  matterName: string;
  departmentName: string;
  submittedAt: Date | null;
  /** When the notice was given, and what it asks for. */
  at: Date;
  items: { material: string; reason: string }[];
}

const TEXT = {
  'zh-CN': {
    title: '补正材料告知书',
    sheet: '补正告知书',
    to: (name: string) => `${name}：`,
    body: (n: SupplementNotice) =>
      `您于 ${n.submittedAt ? chinaDateOf(n.submittedAt) : ''} 申请的“${n.matterName}”（申办流水号 ${n.caseNo}），` +
      '经审查，申请材料不齐全或不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，' +
      '现一次性告知您需要补正的全部内容如下：',
    columns: ['序号', '材料名称', '补正原因'],
    after: '请按上述要求补正材料。补正期间办理时限暂停计算，自收到全部补正材料之日起恢复计算。',
  },
  en: {
    title: 'Notice of materials to supplement',
    sheet: 'Supplement notice',
    to: (name: string) => `To ${name}:`,
    body: (n: SupplementNotice) =>
      `Your application for "${n.matterName}" of ${n.submittedAt ? chinaDateOf(n.submittedAt) : ''} ` +
      `(case number ${n.caseNo}) is incomplete or not in the legal form. Under Article 32 of the ` +
      'Administrative Licensing Law, everything that must be supplemented is listed here at once:',
    columns: ['No.', 'Material', 'Reason'],
    after:
      'Please supplement the materials as listed. The time limit is paused meanwhile and runs again from the day all of them are received.',
  },
} as const;

/** 补正材料告知书 as a workbook: the same single notice the case page prints, for filing or sending. */
export async function supplementNoticeXlsx(n: SupplementNotice, lang: Lang): Promise<Buffer> {
  const t = TEXT[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OpenDistrict';
  const sheet = workbook.addWorksheet(t.sheet, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 8 }, { width: 36 }, { width: 48 }];
  const wide = (
    text: string,
    opts: { bold?: boolean; size?: number; align?: 'center' | 'right' | 'left' } = {},
  ) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, 3);
    const cell = row.getCell(1);
    cell.font = { bold: opts.bold ?? false, size: opts.size ?? 11 };
    cell.alignment = { horizontal: opts.align ?? 'left', vertical: 'top', wrapText: true };
    // Merged cells don't grow with their text: give long paragraphs room (about 45 characters a line).
    row.height = Math.max(18, Math.ceil(text.length / 45) * 16);
    return row;
  };
  wide(t.title, { bold: true, size: 16, align: 'center' });
  wide(n.caseNo, { align: 'right' });
  wide(t.to(n.applicantName));
  wide(t.body(n));
  const head = sheet.addRow([...t.columns]);
  head.font = { bold: true };
  const border = { style: 'thin' as const };
  const boxed = (row: ExcelJS.Row) =>
    row.eachCell((cell) => {
      cell.border = { top: border, left: border, bottom: border, right: border };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
  boxed(head);
  n.items.forEach((it, i) => boxed(sheet.addRow([i + 1, it.material, it.reason])));
  wide(t.after);
  sheet.addRow([]);
  wide(n.departmentName, { align: 'right' });
  wide(chinaDateOf(n.at), { align: 'right' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
