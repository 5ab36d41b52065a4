using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Infrastructure;

public static class ShellSetup
{
    public static IServiceCollection AddWorkbenchShell(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Pre-rendered and static pages write Chinese as characters, not as &#x...; escapes.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddMudServices(config =>
        {
            // Bottom-right: a toast never covers the page title or the app bar (issue 9 item 17).
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        services.AddLocalization();
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.AddSingleton<ModuleRegistry>();
        services.AddWorkbenchModule<AccountModule>();
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        return services;
    }
}
