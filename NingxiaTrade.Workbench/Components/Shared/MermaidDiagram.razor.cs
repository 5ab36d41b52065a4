using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace NingxiaTrade.Workbench.Components.Shared;

/// <summary>
/// Renders Mermaid text (e.g. <c>WorkflowEngine.Mermaid</c>) to SVG in the browser with the mermaid.js shipped in
/// wwwroot/lib/mermaid (no CDN: the government network has no internet). Re-renders when <see cref="Text"/> changes.
/// </summary>
public sealed partial class MermaidDiagram
{
    private ElementReference _host;
    private IJSObjectReference? _module;
    private string? _rendered;

    [Parameter, EditorRequired] public string Text { get; set; } = "";

    /// <summary>What the diagram shows, for screen readers.</summary>
    [Parameter] public string Label { get; set; } = "流程图";

    [Parameter] public string? Class { get; set; }

    [Parameter] public string? Style { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Text == _rendered)
        {
            return;
        }
        _rendered = Text;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Shared/MermaidDiagram.razor.js");
            await _module.InvokeVoidAsync("render", _host, Text);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; nothing left to draw on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // Already gone with the circuit.
            }
        }
    }
}
