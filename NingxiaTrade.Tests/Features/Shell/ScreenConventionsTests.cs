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

    /// <summary>
    /// A MudSimpleTable or plain table whose rows come from a loop renders its header alone when the list is empty: it
    /// must then say so in Chinese, in a row of its own or in the message shown instead of the table just before it,
    /// unless the table stands inside an <c>@if (… .Count > 0)</c> / <c>.Any()</c> (or the else of <c>Count == 0</c>) that leaves
    /// it out when empty, or a comment says why it is never empty ("不会为空：…").
    /// </summary>
    [Fact]
    public void EverySimpleTableFedByALoop_HasAnEmptyStateMessage()
    {
        var missing = new List<string>();
        var checkedTables = 0;
        foreach (var (file, text) in RazorFiles())
        {
            foreach (Match open in SimpleTableOpening().Matches(text))
            {
                var tag = open.Groups["tag"].Value;
                var close = text.IndexOf($"</{tag}>", open.Index, StringComparison.Ordinal);
                Assert.True(close > 0, $"{file}: <{tag}> without its closing tag");
                var body = text[open.Index..close];
                if (!body.Contains("@foreach", StringComparison.Ordinal))
                {
                    continue;
                }
                checkedTables++;
                var before = text[Math.Max(0, open.Index - EmptyStateReach)..open.Index];
                if (!EmptyWords().IsMatch(body) && !EmptyWords().IsMatch(before) && !ShownOnlyWhenNotEmpty().IsMatch(before))
                {
                    var line = text[..open.Index].Count(c => c == '\n') + 1;
                    missing.Add($"{file}:{line}: <{tag}>");
                }
            }
        }
        Assert.True(missing.Count == 0, "No Chinese empty-state message (e.g. 暂无…) for the table in:\n" + string.Join("\n", missing));
        Assert.True(checkedTables > 10, "The scan found too few tables: has the markup changed?");
    }

    /// <summary>How far before a table its "nothing yet" message may stand (the @if … else around it).</summary>
    private const int EmptyStateReach = 600;

    [Fact]
    public void RazorScreens_ShowNoApiAddresses()
    {
        var shown = RazorFiles()
            .SelectMany(f => ApiText().Matches(f.Text).Select(m => $"{f.File}: {m.Value.Trim()}"))
            .ToList();
        Assert.True(shown.Count == 0, "Developer text (an /api/ address) on screen in:\n" + string.Join("\n", shown));
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

    [GeneratedRegex(@"<(?<tag>MudSimpleTable|table)\b")]
    private static partial Regex SimpleTableOpening();

    [GeneratedRegex("暂无|尚无|尚未|没有|未登记|无在期|不会为空")]
    private static partial Regex EmptyWords();

    [GeneratedRegex(@"@if \([^\n]*(\.Count > 0|\.Count != 0|\.Any\(|Count == 0\))")]
    private static partial Regex ShownOnlyWhenNotEmpty();

    /// <summary>An /api/ address in markup text, outside a C# string or attribute (an Href to a download is no text on screen).</summary>
    [GeneratedRegex(@">[^<>@""]*/api/[^<>]*<")]
    private static partial Regex ApiText();

    [GeneratedRegex(@"<NoRecordsContent>[\s\S]*?</NoRecordsContent>")]
    private static partial Regex EmptyState();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex ChineseText();

    [GeneratedRegex(@"<MudTextField[^>]*Label=""统一社会信用代码""[^>]*>")]
    private static partial Regex CreditCodeTextField();
}
