from django.core.mail import EmailMultiAlternatives
from django.tasks import task


@task
def send_email(subject: str, body: str, to: list[str], html_body: str | None = None) -> None:
    """Send one e-mail from the background worker, so a slow mail server never holds up a page."""
    message = EmailMultiAlternatives(subject, body, to=to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
