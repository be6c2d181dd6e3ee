import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const STYLE_ID = 'od-print-sheet-style';
const CSS = `
.od-print-sheet { display: none; }
@media print {
  body > *:not(.od-print-sheet-host) { display: none !important; }
  .od-print-sheet-host, .od-print-sheet { display: block !important; }
  .od-print-sheet { color: #000; font-size: 12pt; line-height: 1.6; padding: 0; }
  .od-print-sheet h1 { font-size: 18pt; text-align: center; margin: 0 0 12pt; letter-spacing: 2pt; }
  .od-print-sheet table { width: 100%; border-collapse: collapse; margin: 6pt 0; }
  .od-print-sheet th, .od-print-sheet td { border: 1px solid #000; padding: 4pt 6pt; text-align: left; vertical-align: top; }
  .od-print-sheet .od-print-foot { margin-top: 24pt; text-align: right; }
  @page { margin: 18mm; }
}
`;

/**
 * A document meant for paper (a receipt, a notice): rendered at the end of <body>, invisible on screen,
 * and the only thing printed while it is mounted. Print with `window.print()`.
 */
export function PrintSheet({ children, testId }: { children: ReactNode; testId?: string }) {
  useEffect(() => {
    if (document.getElementById(STYLE_ID)) return;
    const style = document.createElement('style');
    style.id = STYLE_ID;
    style.textContent = CSS;
    document.head.appendChild(style);
  }, []);
  return createPortal(
    <div className="od-print-sheet-host">
      <div className="od-print-sheet" data-testid={testId}>
        {children}
      </div>
    </div>,
    document.body,
  );
}
