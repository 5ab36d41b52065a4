using NingxiaTrade.Domain.Common;

// In the implicitly imported namespace of service registration, so Program.cs needs only the one call.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the one Excel import pipeline every module's import goes through, with its limits from <c>Imports</c>.</summary>
public static class ExcelImportRegistration
{
    public static IServiceCollection AddExcelImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Imports").Get<ImportSettings>() ?? new ImportSettings());
        services.AddSingleton<ExcelImport>();
        return services;
    }
}
