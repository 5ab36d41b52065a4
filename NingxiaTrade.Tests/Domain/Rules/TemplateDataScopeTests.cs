using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Domain.Rules;

/// <summary>Issue 9 item 1: a template is filled only with data of a project the caller may see (projects module's scope).</summary>
public sealed class TemplateDataScopeTests : IAsyncLifetime
{
    private ProjectHarness _harness = null!;
    private Guid _yinchuanProject;

    public async ValueTask InitializeAsync()
    {
        _harness = await ProjectHarness.CreateAsync();
        _yinchuanProject = await _harness.RegisterAsync(TradeType.EngineeringBidding);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    private ProjectTemplateDataSource Source => new(new ProjectDirectory(_harness.Database, _harness.User));

    [Fact]
    public async Task Values_OwnCentresClerk_FillsTheProjectsData()
    {
        _harness.Act(ProjectHarness.YinchuanClerk);
        var values = await Source.ValuesAsync(_yinchuanProject);
        Assert.NotNull(values);
        Assert.Equal("银川市某道路改造工程施工", values["项目名称"]);
    }

    [Fact]
    public async Task Values_OtherCentresClerk_UnknownProject()
    {
        _harness.Act(ProjectHarness.WuzhongClerk);
        Assert.Null(await Source.ValuesAsync(_yinchuanProject));
    }

    [Fact]
    public async Task Values_LegalOfficer_UnknownProject()
    {
        _harness.User.As(Roles.LegalOfficer, "legal@test.cn");
        Assert.Null(await Source.ValuesAsync(_yinchuanProject));
    }
}
