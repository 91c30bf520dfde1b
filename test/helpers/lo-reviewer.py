# A reviewer in LibreOffice, driven through its Python UNO bridge: opens a draft for opinion
# (.docx) in a running headless soffice, comments on a task, answers an existing comment,
# inserts and deletes words with change tracking on, and saves the result as .docx and .odt.
#
# Usage: python3 lo-reviewer.py <job.json>; the job names the pipe soffice accepts on, the files
# and the edits (see test/electron/review-libreoffice.test.ts). The document is loaded without
# a view (XLoadable on a bare TextDocument): the headless build has no comment side bar to show.
import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.util import DateTime


def pv(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, seconds=90):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + seconds
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def set_user_name(ctx, name):
    """Tracked changes carry the user's name from the profile (Tools > Options > User Data)."""
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    data = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (pv("nodepath", "/org.openoffice.UserProfile/Data"),)
    )
    data.setPropertyValue("givenname", name)
    data.setPropertyValue("sn", "")
    data.commitChanges()


def find(doc, phrase):
    """The words `phrase` as a selected text cursor (the search service needs a view; this does not)."""
    paragraphs = doc.Text.createEnumeration()
    while paragraphs.hasMoreElements():
        para = paragraphs.nextElement()
        if not para.supportsService("com.sun.star.text.Paragraph"):
            continue
        k = para.getString().find(phrase)
        if k < 0:
            continue
        # Comment anchors take a cursor step without adding to the string: look a little further.
        for extra in range(12):
            cursor = doc.Text.createTextCursorByRange(para.getStart())
            cursor.goRight(k + extra, False)
            cursor.goRight(len(phrase), True)
            if cursor.getString() == phrase:
                return cursor
        raise SystemExit("phrase not at a plain place: %s" % phrase)
    raise SystemExit("phrase not found: %s" % phrase)


def annotation(doc, author, text):
    a = doc.createInstance("com.sun.star.text.textfield.Annotation")
    a.Author = author
    a.Initials = author[:1]
    a.Content = text
    # The time, as the comment box sets it (a comment made through UNO has none otherwise).
    now = time.gmtime()
    a.DateTimeValue = DateTime(0, now.tm_sec, now.tm_min, now.tm_hour, now.tm_mday, now.tm_mon, now.tm_year, True)
    return a


def review(job):
    ctx = connect(job["pipe"])
    set_user_name(ctx, job["author"])
    doc = ctx.ServiceManager.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((pv("URL", uno.systemPathToFileUrl(job["input"])), pv("FilterName", "MS Word 2007 XML")))
    try:
        doc.RecordChanges = True
        text = doc.Text
        # A comment on a task's words.
        found = find(doc, job["comment"]["phrase"])
        text.insertTextContent(found, annotation(doc, job["author"], job["comment"]["text"]), True)
        # An answer to an existing comment: a comment on the same words.
        parent = None
        fields = doc.TextFields.createEnumeration()
        while fields.hasMoreElements():
            f = fields.nextElement()
            if f.supportsService("com.sun.star.text.textfield.Annotation") and f.Content == job["reply"]["to"]:
                parent = f
        if parent is None:
            raise SystemExit("comment not found: %s" % job["reply"]["to"])
        # LibreOffice 7.4 has no UNO property for a reply's parent (its files carry no link): the
        # answer is a comment of its own on the same words, as the brief's importer rule expects.
        anchor = parent.Anchor
        cursor = anchor.getText().createTextCursorByRange(anchor.getStart())
        cursor.goRight(len(anchor.getString()), True)
        text.insertTextContent(cursor, annotation(doc, job["author"], job["reply"]["text"]), True)
        # A tracked insertion after some words, a tracked deletion of others.
        after = find(doc, job["insert"]["after"])
        text.insertString(after.getEnd(), job["insert"]["text"], False)
        find(doc, job["delete"]).setString("")
        doc.storeToURL(uno.systemPathToFileUrl(job["docx"]), (pv("FilterName", "MS Word 2007 XML"),))
        doc.storeToURL(uno.systemPathToFileUrl(job["odt"]), (pv("FilterName", "writer8"),))
    finally:
        try:
            doc.close(True)
        except Exception:
            pass


def main():
    job = json.load(open(sys.argv[1], encoding="utf-8"))
    # soffice with a new profile may restart itself once after its first start: the bridge
    # then goes away mid-call. Each attempt starts again from the input file.
    for attempt in range(4):
        try:
            review(job)
            # Done and saved: leave without tearing the UNO bridge down (pyuno may crash there).
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
        except SystemExit:
            raise
        except Exception as err:
            if attempt == 3:
                raise
            sys.stderr.write("attempt %d failed (%s), retrying\n" % (attempt + 1, err))
            time.sleep(2)


main()
