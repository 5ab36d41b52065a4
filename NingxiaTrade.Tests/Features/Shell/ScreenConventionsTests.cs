using System.Text.RegularExpressions;

namespace NingxiaTrade.Tests.Features.Shell;

/// <summary>
/// Conventions every screen keeps, checked over the Razor sources so that a new screen cannot reintroduce a defect
/// fixed once for all (issue 9 items 12 and 17): lists say when they are empty, dates go through the one DateField
/// that can be typed into and is never clipped, credit codes through the one CreditCodeField that normalises blanks
/// before any length limit.
/// </summary>
public sealed partial class ScreenConventionsTests
{
    private static readonly string Workbench = Path.Combine(SolutionFolder(), "NingxiaTrade.Workbench");

    private static string SolutionFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NingxiaTrade.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("NingxiaTrade.sln not found above the test output.");
    }

    private static IEnumerable<(string File, string Text)> RazorFiles() =>
        Directory.EnumerateFiles(Workbench, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(f => (Path.GetRelativePath(Workbench, f), File.ReadAllText(f)));

    [Fact]
    public void EveryDataGridAndTable_HasAnEmptyStateMessage()
    {
        var missing = new List<string>();
        foreach (var (file, text) in RazorFiles())
        {
            foreach (Match open in TableOpening().Matches(text))
            {
                var tag = open.Groups["tag"].Value;
                var close = text.IndexOf($"</{tag}>", open.Index, StringComparison.Ordinal);
                Assert.True(close > 0, $"{file}: <{tag}> without its closing tag");
                var body = text[open.Index..close];
                var empty = EmptyState().Match(body);
                if (!empty.Success || !ChineseText().IsMatch(empty.Value))
                {
                    missing.Add($"{file}: <{tag}> at offset {open.Index}");
                }
            }
        }
        Assert.True(missing.Count == 0, "No Chinese NoRecordsContent (e.g. 暂无数据) in:\n" + string.Join("\n", missing));
        Assert.Contains(RazorFiles(), f => TableOpening().IsMatch(f.Text));
    }

    [Fact]
    public void DatesAndTimes_OnlyThroughDateFieldAndTimeField()
    {
        var direct = RazorFiles()
            .Where(f => !f.File.StartsWith(Path.Combine("Components", "Shared"), StringComparison.Ordinal))
            .Where(f => f.Text.Contains("<MudDatePicker", StringComparison.Ordinal) || f.Text.Contains("<MudTimePicker", StringComparison.Ordinal)
                || f.Text.Contains("<MudDateRangePicker", StringComparison.Ordinal))
            .Select(f => f.File)
            .ToList();
        Assert.True(direct.Count == 0, "Use DateField / TimeField instead of MudDatePicker / MudTimePicker in:\n" + string.Join("\n", direct));
    }

    [Fact]
    public void CreditCodeInputs_OnlyThroughCreditCodeField()
    {
        var direct = RazorFiles()
            .SelectMany(f => CreditCodeTextField().Matches(f.Text).Select(m => $"{f.File}: {m.Value}"))
            .ToList();
        Assert.True(direct.Count == 0, "Use CreditCodeField for a 统一社会信用代码 input in:\n" + string.Join("\n", direct));
    }

    [GeneratedRegex(@"<(?<tag>MudDataGrid|MudTable)\b(?!Pager)")]
    private static partial Regex TableOpening();

    [GeneratedRegex(@"<NoRecordsContent>[\s\S]*?</NoRecordsContent>")]
    private static partial Regex EmptyState();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();

    [GeneratedRegex(@"<MudTextField[^>]*Label=""统一社会信用代码""[^>]*>")]
    private static partial Regex CreditCodeTextField();
}
