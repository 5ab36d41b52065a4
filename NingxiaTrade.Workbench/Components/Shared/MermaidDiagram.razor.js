// Loads the local mermaid.js bundle once (a classic script that sets globalThis.mermaid) and renders into an element.
let loading;
let counter = 0;

function load() {
    loading ??= new Promise((resolve, reject) => {
        if (globalThis.mermaid) {
            resolve(globalThis.mermaid);
            return;
        }
        const script = document.createElement("script");
        script.src = new URL("../../lib/mermaid/mermaid.min.js", import.meta.url).href;
        script.onload = () => resolve(globalThis.mermaid);
        script.onerror = () => reject(new Error("mermaid.js could not be loaded"));
        document.head.appendChild(script);
    }).then(mermaid => {
        mermaid.initialize({
            startOnLoad: false,
            securityLevel: "strict",
            theme: "default",
            fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
        });
        return mermaid;
    });
    return loading;
}

export async function render(element, text) {
    if (!element) {
        return;
    }
    // A newer text may arrive while an older one is still rendering: only the newest is drawn.
    const ticket = ++counter;
    element.dataset.ticket = ticket;
    element.dataset.rendered = "false";
    try {
        const mermaid = await load();
        const { svg } = await mermaid.render("mermaid-" + ticket, text);
        if (element.dataset.ticket === String(ticket)) {
            element.innerHTML = svg;
            element.dataset.rendered = "true";
            delete element.dataset.error;
        }
    } catch (error) {
        if (element.dataset.ticket === String(ticket)) {
            element.textContent = "流程图无法显示：" + (error?.message ?? error);
            element.dataset.error = "true";
        }
        document.getElementById("dmermaid-" + ticket)?.remove();
    }
}
