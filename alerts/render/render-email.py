#!/usr/bin/env python3
"""Render a saved alert email (.eml or .html) to a PNG with headless Chromium, to look at it as a person would.

Usage: render-email.py EMAIL.eml|EMAIL.html OUT.png [--width 412]

For an .eml, the HTML part is taken and every cid: reference is replaced by its inline image as a data URI,
so the rendering shows exactly the MIME message the SMTP server received. The default width is a phone's.
Needs Debian's `chromium` (apt-get install -y chromium); uses only Python's standard library.
"""
import argparse
import base64
import email
import email.policy
import os
import shutil
import subprocess
import sys
import tempfile


def html_of_eml(path):
    with open(path, 'rb') as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    html = None
    images = {}
    for part in message.walk():
        if part.get_content_type() == 'text/html' and html is None:
            html = part.get_content()
        content_id = part.get('Content-ID')
        if content_id and part.get_content_maintype() == 'image':
            data = base64.b64encode(part.get_payload(decode=True)).decode('ascii')
            images[content_id.strip('<>')] = 'data:%s;base64,%s' % (part.get_content_type(), data)
    if html is None:
        sys.exit('%s has no text/html part' % path)
    for content_id, uri in images.items():
        html = html.replace('cid:' + content_id, uri)
    return html


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('email')
    parser.add_argument('png')
    parser.add_argument('--width', type=int, default=412)
    parser.add_argument('--height', type=int, default=2400)
    args = parser.parse_args()
    chromium = shutil.which('chromium') or shutil.which('chromium-browser')
    if chromium is None:
        sys.exit('chromium not found: apt-get install -y chromium')
    if args.email.endswith('.eml'):
        html = html_of_eml(args.email)
    else:
        with open(args.email, encoding='utf-8') as f:
            html = f.read()
    with tempfile.TemporaryDirectory() as work:
        page = os.path.join(work, 'email.html')
        with open(page, 'w', encoding='utf-8') as f:
            f.write(html)
        command = [chromium, '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars',
                   '--user-data-dir=' + os.path.join(work, 'profile'),
                   '--window-size=%d,%d' % (args.width, args.height),
                   '--screenshot=' + os.path.abspath(args.png), 'file://' + page]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or not os.path.exists(args.png):
            sys.exit('chromium failed (%d): %s' % (result.returncode, result.stderr[-2000:]))
    print(args.png)


if __name__ == '__main__':
    main()
