/** A click-to-chat link (`https://wa.me/<digits>?text=…`) that opens WhatsApp with `text` typed in. */
export function whatsAppChatUrl(businessNumber: string, text: string): string {
  const digits = businessNumber.replace(/\D/g, "")
  return `https://wa.me/${digits}?text=${encodeURIComponent(text)}`
}
