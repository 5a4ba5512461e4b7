/// The script `edusite serve` adds to every page (and only there): reload after a good build, an
/// overlay with file:line findings after a failed one. Plain DOM, no dependencies.
enum LiveReloadScript {
    static let path = "/__edusite/live-reload.js"
    static let eventsPath = "/__edusite/events"

    static let tag = "<script src=\"\(path)\"></script>"

    /// The script, its overlay's words in `language` (the findings come in it from the server).
    static func source(_ language: Language) -> String {
        let label = Words(vi: "Lỗi khi tạo trang", en: "Build error").text(language)
        let heading = Words(
            vi: "Không tạo được trang: hãy sửa lỗi dưới đây (trang cũ vẫn đang hiển thị)",
            en: "The site could not be built: fix the errors below (the last good pages are still shown)"
        ).text(language)
        return """
        (function () {
          "use strict";
          var overlay = null;
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(lines) {
            hide();
            overlay = document.createElement("div");
            overlay.id = "edusite-build-error";
            overlay.setAttribute("role", "alertdialog");
            overlay.setAttribute("aria-label", \(jsString(label)));
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,20,24,.94);color:#fff;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:24px";
            var title = document.createElement("h2");
            title.textContent = \(jsString(heading));
            title.style.cssText = "font:bold 18px/1.3 system-ui,sans-serif;color:#ffb4ab;margin:0 0 16px";
            var pre = document.createElement("pre");
            pre.textContent = lines.join("\\n");
            pre.style.cssText = "white-space:pre-wrap;margin:0";
            overlay.appendChild(title);
            overlay.appendChild(pre);
            document.body.appendChild(overlay);
          }
          var source = new EventSource("\(eventsPath)");
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("build-error", function (event) { show(JSON.parse(event.data)); });
        })();
        """
    }

    /// A JavaScript string literal of `text` (JSON's rules are JavaScript's for strings).
    static func jsString(_ text: String) -> String {
        let quoted = LiveReloadHub.json([text])
        return String(quoted.dropFirst().dropLast())
    }
}
