import { useEffect, useState } from "react";

/**
 * A QR code drawn client-side as SVG. The encoder is loaded only when a QR code is shown, so the
 * everyday login page stays light. The box has a fixed size, so nothing moves when it appears.
 */
export function QrCode(props: { text: string; label: string; size?: number }) {
  const { text, label, size = 200 } = props;
  const [svg, setSvg] = useState<string | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    import("qrcode")
      .then(({ default: QRCode }) => QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" }))
      .then((markup) => {
        if (!cancelled) setSvg(markup);
      })
      .catch(() => {
        if (!cancelled) setSvg("");
      });
    return () => {
      cancelled = true;
    };
  }, [text]);

  return (
    <div
      className="kp-qr"
      role="img"
      aria-label={label}
      style={{ width: size, height: size }}
      data-qr-text={text}
      dangerouslySetInnerHTML={svg === undefined ? undefined : { __html: svg }}
    />
  );
}
