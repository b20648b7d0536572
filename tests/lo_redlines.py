#!/usr/bin/python3
"""LibreOffice's own Accept All and Reject All of many .docx redlines, in one soffice session.

Usage: lo_redlines.py FILE.docx...
For each file and each of "accept" and "reject", prints one JSON object a line:
  {"file": FILE, "mode": "accept"|"reject", "redlines": n loaded, "left": n after,
   "paragraphs": [text, ...]}
Each paragraph's text is LibreOffice's, with every footnote anchor replaced inline by
"[^" + the footnote's text + "]", so a footnote is checked at its marker.

Needs soffice and python3-uno (Debian: libreoffice-writer-nogui python3-uno), tried on LO 7.4.
Works around two traps of the Debian nogui packages (as ../shared/tools/lo_revisions.py does):
 * a stale lock file makes loading fail without an interaction handler: each file is copied
   into a private directory and an approving handler is given;
 * laying out the comment margin aborts soffice (annotation.ui missing): the model is loaded
   without a view, its comments removed (they hold no text of the document), and only then
   is a hidden view made for the dispatcher.
"""
import json, os, shutil, subprocess, sys, tempfile, time
import uno, unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.task import XInteractionHandler


class Approve(unohelper.Base, XInteractionHandler):
    def handle(self, request):
        for c in request.getContinuations():
            if any(t.typeName.endswith("XInteractionApprove") for t in c.getTypes()):
                c.select()
                return


def prop(n, v):
    p = PropertyValue()
    p.Name = n
    p.Value = v
    return p


def count(enumerable):
    e, n = enumerable.createEnumeration(), 0
    while e.hasMoreElements():
        e.nextElement()
        n += 1
    return n


def para_text(p):
    out, e = [], p.createEnumeration()
    while e.hasMoreElements():
        r = e.nextElement()
        if r.TextPortionType == "Footnote":
            out.append("[^" + " ".join(paragraphs(r.Footnote)).strip() + "]")
        else:
            out.append(r.getString())
    return "".join(out)


def paragraphs(text):
    e = text.createEnumeration()
    while e.hasMoreElements():
        p = e.nextElement()
        if p.supportsService("com.sun.star.text.Paragraph"):
            yield para_text(p)
        elif p.supportsService("com.sun.star.text.TextTable"):
            for name in p.getCellNames():
                yield from paragraphs(p.getCellByName(name).getText())


def run(smgr, ctx, desktop, src, mode, work):
    path = os.path.join(work, "in.docx")
    shutil.copyfile(src, path)
    doc = smgr.createInstanceWithContext("com.sun.star.text.TextDocument", ctx)
    doc.load((prop("URL", uno.systemPathToFileUrl(path)), prop("FilterName", "MS Word 2007 XML"),
              prop("InteractionHandler", Approve())))
    try:
        doc.RecordChanges = False  # removing the comments is not itself tracked
        loaded = count(doc.getRedlines())
        notes = []
        e = doc.getTextFields().createEnumeration()
        while e.hasMoreElements():
            f = e.nextElement()
            if f.supportsService("com.sun.star.text.textfield.Annotation"):
                notes.append(f)
        for f in notes:
            f.dispose()
        comp = desktop.loadComponentFromURL("private:object", "_blank", 0,
                                            (prop("Model", doc), prop("Hidden", True)))
        frame = (comp or doc).getCurrentController().getFrame()
        disp = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        command = ".uno:AcceptAllTrackedChanges" if mode == "accept" else ".uno:RejectAllTrackedChanges"
        disp.executeDispatch(frame, command, "", 0, ())
        return {"file": src, "mode": mode, "redlines": loaded, "left": count(doc.getRedlines()),
                "paragraphs": list(paragraphs(doc.getText()))}
    finally:
        doc.close(True)


def main():
    files = [os.path.abspath(f) for f in sys.argv[1:]]
    work = tempfile.mkdtemp(prefix="lo_redlines_")
    prof = os.path.join(work, "profile")
    port = 20000 + os.getpid() % 20000
    proc = subprocess.Popen(["soffice", "--headless", "--norestore", "--nologo", "--nolockcheck",
                             f"-env:UserInstallation=file://{prof}",
                             f"--accept=socket,host=127.0.0.1,port={port};urp;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = desktop = None
    try:
        for _ in range(240):  # a fresh profile takes a few seconds
            try:
                ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if proc.poll() is not None:
                    sys.exit("soffice exited before accepting connections")
                time.sleep(0.5)
        if ctx is None:
            sys.exit("could not connect to soffice")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for src in files:
            for mode in ("accept", "reject"):
                print(json.dumps(run(smgr, ctx, desktop, src, mode, work), ensure_ascii=False), flush=True)
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
