/**
 * HTML for email bodies. The `html` tag escapes every interpolated value unless it
 * is already `SafeHtml` (built by this tag), so data never lands in markup unescaped.
 */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString() {
    return this.value
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c])

const piece = (value: unknown): string => {
  if (value instanceof SafeHtml) {
    return value.value
  }
  if (Array.isArray(value)) {
    return value.map(piece).join("")
  }
  return value === null || value === undefined || value === false ? "" : escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, text, i) => out + text + (i < values.length ? piece(values[i]) : ""), ""))
}

/** Only web links become `href`s (no `javascript:` and the like from stored data). */
export const isWebUrl = (url: string | null | undefined): url is string => !!url && /^https?:\/\/[^\s]+$/i.test(url)

const STYLE = {
  body: "margin:0;padding:24px;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;color:#18181b",
  card: "max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px",
  p: "margin:0 0 12px;font-size:15px;line-height:22px",
  h1: "margin:0 0 16px;font-size:20px;line-height:28px",
  link: "color:#2563eb",
  button: [
    "display:inline-block;padding:10px 18px;background:#18181b;color:#ffffff",
    "text-decoration:none;border-radius:6px;font-size:15px",
  ].join(";"),
  table: "width:100%;border-collapse:collapse;margin:0 0 16px;font-size:14px",
  th: "text-align:left;padding:6px 4px;border-bottom:1px solid #e4e4e7",
  thRight: "text-align:right;padding:6px 4px;border-bottom:1px solid #e4e4e7",
  td: "padding:6px 4px;border-bottom:1px solid #f4f4f5;vertical-align:top",
  tdRight: "padding:6px 4px;border-bottom:1px solid #f4f4f5;text-align:right;white-space:nowrap",
  footer: "max-width:560px;margin:12px auto 0;font-size:12px;line-height:18px;color:#71717a;text-align:center",
}

/** A paragraph of text, or of markup built with `html`. */
export const paragraph = (content: string | SafeHtml) => html`<p style="${STYLE.p}">${content}</p>`

export const heading = (text: string) => html`<h1 style="${STYLE.h1}">${text}</h1>`

/** A link when `url` is a web URL, else just the label. */
export const link = (url: string | null | undefined, label: string) =>
  isWebUrl(url) ? html`<a href="${url}" style="${STYLE.link}">${label}</a>` : html`${label}`

/** A button-styled link; a URL that is not a web link is shown as text instead. */
export const button = (url: string, label: string) =>
  isWebUrl(url)
    ? html`<p style="${STYLE.p}"><a href="${url}" style="${STYLE.button}">${label}</a></p>`
    : paragraph(`${label}: ${url}`)

export type TableColumn = { title: string; align?: "left" | "right" }

/** A table of text cells (each escaped); the last rows can be used for totals. */
export function table(columns: TableColumn[], rows: (string | SafeHtml)[][]): SafeHtml {
  const head = columns.map((c) => html`<th style="${c.align === "right" ? STYLE.thRight : STYLE.th}">${c.title}</th>`)
  const body = rows.map(
    (row) =>
      html`<tr>${row.map(
        (cell, i) => html`<td style="${columns[i]?.align === "right" ? STYLE.tdRight : STYLE.td}">${cell}</td>`
      )}</tr>`
  )
  return html`<table role="presentation" style="${STYLE.table}">
<thead><tr>${head}</tr></thead><tbody>${body}</tbody>
</table>`
}

/** The whole document: a card with the content and an optional footer under it. */
export function emailDocument(title: string, content: SafeHtml[], footer?: SafeHtml): string {
  return html`<!doctype html>
<html>
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="${STYLE.body}">
<div style="${STYLE.card}">${content}</div>
${footer ? html`<div style="${STYLE.footer}">${footer}</div>` : ""}
</body>
</html>`.value
}
