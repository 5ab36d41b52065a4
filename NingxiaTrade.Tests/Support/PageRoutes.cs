using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;

namespace NingxiaTrade.Tests.Support;

/// <summary>The workbench's routable pages, read from the assembly the router reads (every <c>@page</c>).</summary>
public static partial class PageRoutes
{
    public static IReadOnlyList<string> Templates { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>(inherit: false))
        .Select(a => a.Template)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static bool Exists(string template) => Templates.Contains(template, StringComparer.OrdinalIgnoreCase);

    /// <summary>A URL that matches the template: each route parameter gets a sample value of its constraint's type.</summary>
    public static string SampleUrl(string template) =>
        Parameter().Replace(template, m => SampleValue(m.Groups["name"].Value, m.Groups["constraints"].Value));

    private static string SampleValue(string name, string constraints) => constraints.ToLowerInvariant() switch
    {
        var c when c.Contains(":guid") => "00000000-0000-0000-0000-000000000001",
        var c when c.Contains(":bool") => "true",
        var c when c.Contains(":datetime") => "2026-11-27",
        _ when name.Equals("year", StringComparison.OrdinalIgnoreCase) => "2026",
        _ => "1",
    };

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?<constraints>(:[^}?=]+)*)\??(=[^}]*)?\}")]
    private static partial Regex Parameter();
}
