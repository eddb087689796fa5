"""The helpline's channels: what talks to WhatsApp and the mail servers (signatures, sending)."""
