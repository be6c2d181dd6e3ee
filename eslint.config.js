import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'data',
      'coverage',
      'src/web/api/schema.d.ts',
      'src/server/db/migrations',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // DAT-4: weak algorithms are not used for security; SM3/SM4 live behind src/server/crypto.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(createHash|createHmac)$/] > Literal[value=/^(md5|sha1|md4)$/i]',
          message: 'MD5/SHA-1 are not allowed for security (SECURITY.md DAT-4); use src/server/crypto.',
        },
      ],
    },
  },
);
