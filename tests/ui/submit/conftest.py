from tests.classification.fake_llm import llm_server, trained_model  # noqa: F401 - fixtures
