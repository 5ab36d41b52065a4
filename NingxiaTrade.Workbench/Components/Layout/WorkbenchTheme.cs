using MudBlazor;

namespace NingxiaTrade.Workbench.Components.Layout;

/// <summary>Government blue, and system fonts that carry Chinese (no web fonts are fetched from outside).</summary>
public static class WorkbenchTheme
{
    public static readonly string[] FontFamily =
        ["\"Noto Sans CJK SC\"", "\"PingFang SC\"", "\"Microsoft YaHei\"", "\"Source Han Sans SC\"", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f9c",
            Secondary = "#c8102e",
            AppbarBackground = "#0b4f9c",
            Background = "#f4f6f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily },
            H2 = new H2Typography { FontFamily = FontFamily },
            H3 = new H3Typography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily },
            H5 = new H5Typography { FontFamily = FontFamily },
            H6 = new H6Typography { FontFamily = FontFamily },
            Body1 = new Body1Typography { FontFamily = FontFamily },
            Body2 = new Body2Typography { FontFamily = FontFamily },
            Button = new ButtonTypography { FontFamily = FontFamily },
        },
    };
}
