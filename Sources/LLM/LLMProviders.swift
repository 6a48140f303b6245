import FeatureConfiguration

/// The provider a configuration names.
public enum LLMProviders {
    public static func make(_ configuration: LLMConfiguration) -> any LLMProvider {
        switch configuration.provider {
        case .openai, .azure: OpenAIChatProvider(configuration: configuration)
        case .anthropic: AnthropicProvider(configuration: configuration)
        }
    }
}
