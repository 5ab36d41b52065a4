using NingxiaTrade.Workbench.Components;
using NingxiaTrade.Workbench.Components.Account;
using NingxiaTrade.Workbench.Features.Admin;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;
using NingxiaTrade.Workbench.Security;

if (args.Length > 0 && args[0] == PlatformKeyCommand.Verb)
{
    return PlatformKeyCommand.Run(args, Console.Out);
}
if (args.Length > 0 && args[0] == NingxiaTrade.Workbench.Features.Bidding.EscrowKeyCommand.Verb)
{
    return NingxiaTrade.Workbench.Features.Bidding.EscrowKeyCommand.Run(args, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddTradeDatabase(builder.Configuration, builder.Environment);
builder.Services.AddPlatformKeys(builder.Configuration, builder.Environment);
builder.Services.AddWorkbenchIdentity();
builder.Services.AddWorkbenchShell();
builder.Services.AddWorkbenchApi();
builder.Services.AddExcelImports(builder.Configuration);
builder.AddWorkbenchHardening();

builder.Services.AddAdminModule();
builder.Services.AddCalendarModule();
builder.Services.AddProjectsModule(builder.Configuration);
builder.Services.AddWorkflowsModule();
builder.Services.AddMarketEntitiesModule(builder.Configuration);
builder.Services.AddCreditModule(builder.Configuration);
builder.Services.AddRulesModule();
builder.Services.AddExpertsModule(builder.Configuration);
builder.Services.AddNotificationsModule(builder.Configuration);
builder.Services.AddBiddingModule(builder.Configuration, builder.Environment);

var app = builder.Build();

if (args.Length > 0 && args[0] == CreateAdminCommand.Verb)
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.Out);
}

await app.Services.MigrateDatabaseAsync();
await AccountSeeding.SeedAsync(app.Services, app.Configuration, app.Environment);

app.UseWorkbenchHardening();
app.UseRequestLocalization("zh-CN");

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapWorkbenchApi();
app.MapAdminApi();
app.MapCalendarApi();
app.MapWorkflowsApi();
app.MapProjectsApi();
app.MapMarketEntitiesApi();
app.MapCreditApi();
app.MapRulesApi();
app.MapExpertsApi();
app.MapBiddingApi();

await app.RunAsync();
return 0;
