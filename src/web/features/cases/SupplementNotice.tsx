import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseSupplementItem } from '../../api/types.ts';
import { chinaDate } from '../../shared/chinaTime.ts';
import { PrintSheet } from '../../shared/PrintSheet.tsx';

/** The last supplement notice of a case: its items and when it was given; null when there is none. */
export function lastSupplementNotice(c: CaseDetail): { items: CaseSupplementItem[]; at: string } | null {
  for (let i = c.events.length - 1; i >= 0; i--) {
    const e = c.events[i]!;
    if (e.kind !== 'supplement_requested') continue;
    const raw = (e.payload as { items?: unknown }).items;
    const items = Array.isArray(raw)
      ? (raw as Partial<CaseSupplementItem>[]).map((it) => ({
          material: String(it.material ?? ''),
          reason: String(it.reason ?? ''),
        }))
      : [];
    return { items, at: e.at };
  }
  return null;
}

/**
 * 补正材料告知书: the printable single notice of everything the applicant must supplement. It names the
 * applicant as the page shows them: masked (a person's first character) unless the full details were
 * unmasked on the page, with a reason, before printing.
 */
export function SupplementNoticeSheet({
  detail,
  applicantName,
}: {
  detail: CaseDetail;
  applicantName: string;
}) {
  const { t } = useTranslation();
  const notice = lastSupplementNotice(detail);
  if (!notice) return null;
  return (
    <PrintSheet testId="supplement-notice">
      <h1>{t('cases.actions.notice.title')}</h1>
      <p style={{ textAlign: 'right' }}>{detail.caseNo}</p>
      <p>{t('cases.actions.notice.to', { name: applicantName })}</p>
      <p style={{ textIndent: '2em' }}>
        {t('cases.actions.notice.body', {
          submitted: chinaDate(detail.submittedAt),
          matter: detail.matter.name,
          caseNo: detail.caseNo,
        })}
      </p>
      <table>
        <thead>
          <tr>
            <th style={{ width: '10%' }}>{t('cases.actions.notice.index')}</th>
            <th style={{ width: '40%' }}>{t('cases.actions.notice.material')}</th>
            <th>{t('cases.actions.notice.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {notice.items.map((it, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              <td>{it.material}</td>
              <td>{it.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ textIndent: '2em' }}>{t('cases.actions.notice.after')}</p>
      <div className="od-print-foot">
        <div>{t('cases.actions.notice.office', { department: detail.department.name })}</div>
        <div>{t('cases.actions.notice.date', { date: chinaDate(notice.at) })}</div>
      </div>
    </PrintSheet>
  );
}
