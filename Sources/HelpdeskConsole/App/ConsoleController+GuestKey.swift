import Foundation
import HelpdeskCore
import HelpdeskUseCases

extension ConsoleController {
    /// After a customer's login or registration in a guest session over SSH: asks whether to link
    /// the connection's key to the account, so that the next connection opens as them with no
    /// password. Staff are never asked: their keys are added by admins (`SSHGuestRules.requireLinkable`).
    func offerKeyLink(to user: User, email: String, password: String) {
        guard guest != nil, user.role == .customer else { return }
        linkOffer = (email, password)
        state.overlay = .menu(MenuState(
            purpose: .confirmLinkKey, title: "Link this SSH key to \(user.email)?",
            items: ["Not now", "Link it: my next connection opens as me, with no password"], values: ["no", "yes"]))
    }

    /// The answer to `offerKeyLink`: the held password is let go either way; "yes" links the key
    /// (`linkGuestKey`, which checks the password again).
    func answerKeyLink(_ value: String) {
        state.overlay = nil
        guard let offer = linkOffer, let guest else { return }
        linkOffer = nil
        guard value == "yes" else { return }
        let service = self.service
        background({
            _ = try await service.linkGuestKey(guest, email: offer.email, password: offer.password)
            return .done(message: "This key is linked to your account: your next connection opens as you", reload: false)
        })
    }
}
