using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Tests.Features.Shell;

public partial class MudLocalizerTests : BunitContext
{
    private static readonly ChineseMudLocalizer Localizer = new();

    /// <summary>MudBlazor's built-in English texts, read from its own resource set.</summary>
    private static Dictionary<string, string> EnglishTexts()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("MudBlazor's LanguageResource was not found.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    public static TheoryData<string> MudBlazorKeys() => new(EnglishTexts().Keys.Order());

    [Fact]
    public void EnglishResource_HasKeys()
    {
        // Guards the theory below against passing vacuously if MudBlazor renames its resource.
        Assert.True(EnglishTexts().Count > 100);
    }

    [Theory]
    [MemberData(nameof(MudBlazorKeys))]
    public void Localizer_EveryMudBlazorKey_HasChineseTextWithSamePlaceholders(string key)
    {
        var english = EnglishTexts()[key];

        var chinese = Localizer[key];

        Assert.False(chinese.ResourceNotFound, $"{key} 没有中文文本（英文：{english}）");
        Assert.NotEqual(english, chinese.Value);
        Assert.Matches(Cjk(), chinese.Value);
        Assert.Equal(Placeholders(english), Placeholders(chinese.Value));
    }

    [Fact]
    public void Localizer_HasNoKeysMudBlazorDoesNotLookUp()
    {
        var stale = ChineseMudLocalizer.Keys.Except(EnglishTexts().Keys).ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public void DataGridPager_ChineseLocalizer_ShowsChinesePagerText()
    {
        // MudBlazor answers in English whenever the UI culture is English, whatever the localizer says.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            AssertChinesePager();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private void AssertChinesePager()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        Render<MudPopoverProvider>();
        var rows = Enumerable.Range(1, 25).Select(i => new Row($"项目{i}")).ToList();

        var grid = Render<MudDataGrid<Row>>(p => p
            .Add(g => g.Items, rows)
            .Add(g => g.Columns, (RenderFragment)(b =>
            {
                b.OpenComponent<PropertyColumn<Row, string>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<Row, string>.Property), (Expression<Func<Row, string>>)(r => r.Name));
                b.AddAttribute(2, nameof(PropertyColumn<Row, string>.Title), "项目名称");
                b.CloseComponent();
            }))
            .Add<MudDataGridPager<Row>>(g => g.PagerContent));

        Assert.Contains("每页行数", grid.Markup);
        Assert.Contains("第 1-10 条，共 25 条", grid.Markup);
        Assert.DoesNotContain("Rows per page", grid.Markup);
        Assert.DoesNotContain(" of 25", grid.Markup);
    }

    private static List<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    public sealed record Row(string Name);
}
