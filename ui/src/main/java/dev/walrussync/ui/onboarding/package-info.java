/** Creating a repository (network, passphrase, recovery phrase, folders) and unlocking one. */
@NullMarked
package dev.walrussync.ui.onboarding;

import org.jspecify.annotations.NullMarked;
