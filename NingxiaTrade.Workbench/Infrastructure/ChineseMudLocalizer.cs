using Microsoft.Extensions.Localization;
using MudBlazor;

namespace NingxiaTrade.Workbench.Infrastructure;

/// <summary>MudBlazor's own texts (pager, filters, pickers, dialogs) in Simplified Chinese.</summary>
internal sealed class ChineseMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["MudDataGrid_RowsPerPage"] = "每页行数：",
    };

    public override LocalizedString this[string key] =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, text, resourceNotFound: false)
            : base[key];
}
