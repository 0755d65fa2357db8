using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Auth;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.Kube;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>The kubeconfig YAML for one cloudspace.</summary>
internal static class KubeconfigDocument
{
    public static string Render(string organization, string cloudspace, string endpoint, string certificateAuthorityData, string token)
    {
        var name = $"{organization}-{cloudspace}";
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {name}
              cluster:
                server: {endpoint}
                certificate-authority-data: {certificateAuthorityData}
            contexts:
            - name: {name}
              context:
                cluster: {name}
                user: {name}-user
                namespace: default
            current-context: {name}
            preferences: {"{}"}
            users:
            - name: {name}-user
              user:
                token: {token}

            """;
    }
}
